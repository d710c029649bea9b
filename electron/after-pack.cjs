// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, so a
// shipped Entail cannot be turned into a general Node runtime or debugged into. The
// options below are the policy; docs/security.md explains each.
'use strict';
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuse policy for a platform (asar integrity is validated by Electron on macOS and Windows only). */
function fusePolicy(platform) {
  const integrity = platform === 'darwin' || platform === 'win32';
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: false,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: integrity,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Where electron-builder put the Electron executable for this platform. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  await flipFuses(electronBinary(context), fusePolicy(platform));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fusePolicy = fusePolicy;
module.exports.electronBinary = electronBinary;
