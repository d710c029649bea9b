#!/bin/sh
# `entail` beside the packaged desktop binary: the same CLI as `npx entail`, run by the app itself
# (its RunAsNode fuse is off, so it cannot be used as node). Symlink it into PATH to use it anywhere.
here=$(dirname "$(readlink -f "$0")")
exec "$here/entail-workbench" cli "$@"
