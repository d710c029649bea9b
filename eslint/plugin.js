// ESLint rule `entail/layers`: every import, re-export and dynamic import is resolved
// to a path in the project and checked against the layer table (eslint/layers.js).
// Resolving first is what makes the walls real: `../saturation`, `../../saturation/x.js`
// and `provers/saturation/index.js` are the same target however the string is spelt.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { EXEMPT, LAYERS } from './layers.js';

const BUILTINS = new Set(builtinModules);
const byLength = [...LAYERS].sort((a, b) => b.layer.length - a.layer.length);

function posix(p) {
  return p.split(sep).join('/');
}

/** The layer entry a project-relative path belongs to, or undefined. */
export function layerOf(rel) {
  const stem = stripExt(rel);
  return byLength.find((l) => rel.startsWith(l.layer + '/') || stem === stripExt(l.layer));
}

/** A file-level layer matches its source and its compiled name alike (`types.ts` is imported as `types.js`). */
function stripExt(p) {
  return p.replace(/\.(ts|tsx|cts|mts|js|mjs|cjs)$/, '');
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The verdict for one import: undefined when allowed, else the reason.
 * `typeOnly` imports may also reach the layers in `types`.
 */
export function checkImport(fromRel, spec, typeOnly, root) {
  const from = layerOf(fromRel);
  if (!from) return undefined;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = posix(relative(root, resolve(root, dirname(fromRel), spec)));
    const to = layerOf(target);
    if (to === from) return undefined;
    if (!to) return `'${spec}' resolves to ${target}, which is outside every layer (tests and tools may not be imported by ${from.layer})`;
    if (from.may.includes(to.layer)) return undefined;
    if (typeOnly && (from.types ?? []).includes(to.layer)) return undefined;
    const allowed = [...from.may, ...(from.types ?? []).map((t) => `${t} (types)`)];
    return `${from.layer} may not import ${to.layer} ('${spec}'); it may import ${allowed.length ? allowed.join(', ') : 'nothing else of Entail'}. ${from.why}.`;
  }
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  if (spec.startsWith('node:') || BUILTINS.has(bare)) {
    if (typeOnly) return undefined;
    const node = from.node ?? [];
    if (node === 'all' || node.includes(bare)) return undefined;
    return `${from.layer} may not use the Node module '${bare}'${node.length ? ` (only ${node.join(', ')})` : ''}. ${from.why}.`;
  }
  const pkg = packageName(spec);
  if ((from.packages ?? []).includes(pkg)) return undefined;
  if (typeOnly && pkg.startsWith('@types/')) return undefined;
  return `${from.layer} may not use the package '${pkg}'${from.packages?.length ? ` (only ${from.packages.join(', ')})` : ''}. ${from.why}.`;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layer table in eslint/layers.js, on resolved paths' },
    schema: [],
    messages: { wall: '{{reason}}', computed: '{{layer}}: imports with a computed specifier bypass the layer table. {{why}}.' },
  },
  create(context) {
    const root = context.cwd;
    const rel = posix(relative(root, context.filename));
    if (rel.startsWith('..') || EXEMPT.some((re) => re.test(rel))) return {};
    const from = layerOf(rel);
    if (!from) return {};
    function check(node, source, typeOnly) {
      if (!source) return;
      if (source.type === 'Literal' && typeof source.value === 'string') {
        const reason = checkImport(rel, source.value, typeOnly, root);
        if (reason) context.report({ node: source, messageId: 'wall', data: { reason } });
        return;
      }
      if (source.type === 'TemplateLiteral' && source.expressions.length === 0) {
        const reason = checkImport(rel, source.quasis[0].value.cooked, typeOnly, root);
        if (reason) context.report({ node: source, messageId: 'wall', data: { reason } });
        return;
      }
      // A computed specifier: allowed only where the table says so, or when its fixed prefix stays in this folder.
      const head = source.type === 'TemplateLiteral' ? source.quasis[0].value.cooked : undefined;
      if (from.dynamic) return;
      if (head !== undefined && head.startsWith('./') && !head.includes('..')) return;
      context.report({ node: source, messageId: 'computed', data: { layer: from.layer, why: from.why } });
    }
    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        check(node, node.source, false);
      },
      // CommonJS files (build hooks) import by `require`: the same walls apply.
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
          check(node, node.arguments[0], false);
      },
      TSImportType(node) {
        const arg = node.argument;
        const lit = arg && arg.type === 'TSLiteralType' ? arg.literal : arg;
        check(node, lit, true);
      },
    };
  },
};

export default { meta: { name: 'entail' }, rules: { layers } };
