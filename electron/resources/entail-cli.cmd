@echo off
rem `entail` beside the packaged desktop binary: the same CLI as `npx entail`.
"%~dp0Entail.exe" cli %*
