#!/usr/bin/env bash
# Smoke test of the built packages, run as a user without Java would run them:
#   installer/src/test/smoke.sh installer/target/rewardlens_*_amd64.deb [installer/target/rewardlens-*.tar.gz]
# Unpacks the .deb with dpkg-deb -x into a temporary folder (nothing is installed) and runs its
# `rewardlens` with an empty environment and no Java on the PATH: --version, generate, import, score
# with the demo model, and the workbench's first launch (sample pairs, demo model) with --screenshot
# under xvfb-run. Then checks that the app wrote nothing into its own folder and nothing into the
# user's home outside the XDG folders (no DJL or JavaFX caches). With a tarball, runs its --version.
# Everything lives under one folder in /tmp, removed at the end.
set -euo pipefail
DEB=$(readlink -f "${1:?usage: smoke.sh RWL.deb [RWL.tar.gz]}")
TARBALL=${2:+$(readlink -f "$2")}
T=$(mktemp -d /tmp/rewardlens-smoke.XXXXXX)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin" "$T/sysbin" "$T/home" "$T/tmp" "$T/work"
W=$T/work

step() { printf '\n== %s\n' "$*"; }
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

step "unpack $(basename "$DEB")"
dpkg-deb -x "$DEB" "$T/root"
APP=$T/root/opt/rewardlens
[ -x "$APP/bin/rewardlens" ] || fail "no /opt/rewardlens/bin/rewardlens in the package"
ln -s "$APP/bin/rewardlens" "$T/bin/rewardlens" # as postinst links /usr/bin/rewardlens
(cd "$APP" && find . -printf '%p %s %T@\n' | sort) > "$T/app-before.txt"

# The system's commands without Java: every /usr/bin and /bin entry but those of a JDK.
for f in /usr/bin/* /bin/*; do
    name=$(basename "$f")
    case "$(readlink -f "$f")" in /usr/lib/jvm/*) continue ;; esac
    [ -e "$T/sysbin/$name" ] || ln -s "$f" "$T/sysbin/$name"
done
# A fresh user: empty environment, its own home (Java takes user.home from the password
# database, not from HOME, hence the property), no XDG variables.
run() {
    env -i PATH="$T/bin:$T/sysbin" HOME="$T/home" LANG=C.UTF-8 \
        JAVA_TOOL_OPTIONS="-Duser.home=$T/home -Djava.io.tmpdir=$T/tmp" "$@"
}

step "no Java on the PATH"
if run sh -c 'command -v java'; then fail "java is on the PATH"; fi
echo "java: not found (as wanted)"

step "rewardlens --version"
version=$(run rewardlens --version 2> "$T/err.txt") || { cat "$T/err.txt"; fail "--version"; }
echo "$version"
case "$version" in "RewardLens "*) ;; *) fail "unexpected version: $version" ;; esac
case "$version" in *"Serial garbage collector"*) ;; *) fail "the launcher does not set the serial collector" ;; esac

step "generate, import, score"
run rewardlens generate --samples --out "$W/samples.jsonl"
run rewardlens generate --demo-model --out "$W/demo-model"
run rewardlens import --db "$W/smoke.rwl.db" "$W/samples.jsonl"
run rewardlens score --db "$W/smoke.rwl.db" --model "$W/demo-model" --no-progress
run rewardlens stats --db "$W/smoke.rwl.db" | tee "$T/stats.txt"
grep -q "64" "$T/stats.txt" || fail "stats do not show the 64 sample pairs"

step "workbench first launch under xvfb-run (gui --screenshot)"
run xvfb-run -a -s "-screen 0 1600x1000x24" rewardlens gui --screenshot "$W/workbench.png"
[ -s "$W/workbench.png" ] || fail "no screenshot"
echo "screenshot: $(stat -c %s "$W/workbench.png") bytes"
[ -f "$T/home/.local/share/rewardlens/rewardlens.db" ] || fail "no default database in XDG_DATA_HOME"

step "nothing written into the app, nothing outside the XDG folders"
(cd "$APP" && find . -printf '%p %s %T@\n' | sort) > "$T/app-after.txt"
diff "$T/app-before.txt" "$T/app-after.txt" || fail "the app changed its own folder"
# XDG_DATA_HOME, XDG_STATE_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME (GTK keeps its dconf cache there).
outside=$(cd "$T/home" && find . -mindepth 1 -maxdepth 2 | sort \
    | grep -vxE '\./\.(local|config|cache)|\./\.local/(share|state)|\./\.(config|cache)/.*' || true)
[ -z "$outside" ] || fail "written into the home outside the XDG folders: $outside"
(cd "$T/home" && find . -mindepth 1 -maxdepth 3 | sort)

if [ -n "$TARBALL" ]; then
    step "portable tarball $(basename "$TARBALL")"
    mkdir -p "$T/portable"
    tar xzf "$TARBALL" -C "$T/portable"
    run "$T/portable/rewardlens/bin/rewardlens" --version
fi

step "sizes"
du -sh "$DEB" ${TARBALL:+"$TARBALL"} "$APP" | sed "s|$T/root||"
echo
echo "smoke test passed"
