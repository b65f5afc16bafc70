#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): a JDK 17 to 23 (the
# grader's sandbox needs the security manager, gone in Java 24), the kit's libraries from Maven Central, each
# checked against the SHA-256 in kit/dependencies.txt, and the weights and data the notebooks read (listed in
# grading.env), since submissions run without network.
#   COURSEKIT_MAVEN_MIRROR  another Maven repository to download from (e.g. file:///root/.m2/repository/)
#   COURSEKIT_MIRROR        where to fetch the weights and data from (see docs/downloads.md)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=/dev/null
source "$here/grading.env"

java_ok() { command -v javac >/dev/null && javac -version 2>&1 | grep -Eq '^javac (1[7-9]|2[0-3])([.]|$)'; }
if ! java_ok || ! command -v unshare >/dev/null || ! command -v curl >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends openjdk-17-jdk-headless util-linux curl ca-certificates
fi
java_ok || { echo "setup.sh: no JDK 17 to 23 after installing openjdk-17-jdk-headless; the grader needs one." >&2; exit 1; }

mirror="${COURSEKIT_MAVEN_MIRROR:-https://repo.maven.apache.org/maven2/}"
mkdir -p "$here/kit/lib"
count=0
while read -r sum path; do
  [[ -n "${path:-}" ]] || continue
  file="$here/kit/lib/$(basename "$path")"
  if [[ ! -f "$file" ]] || ! echo "$sum  $file" | sha256sum --quiet -c - >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$file.part" "${mirror%/}/$path" \
      || { echo "setup.sh: cannot download ${mirror%/}/$path." >&2; rm -f "$file.part"; exit 1; }
    echo "$sum  $file.part" | sha256sum --quiet -c - >/dev/null 2>&1 \
      || { echo "setup.sh: $path does not match its SHA-256 in kit/dependencies.txt; not installed." >&2; rm -f "$file.part"; exit 1; }
    mv "$file.part" "$file"
  fi
  count=$((count + 1))
done < "$here/kit/dependencies.txt"
echo "setup.sh: $count libraries in $here/kit/lib, each checked."

export COURSEKIT_WEIGHTS="${COURSEKIT_WEIGHTS:-$here/weights}" COURSEKIT_DATA="${COURSEKIT_DATA:-$here/data}"
for what in $FETCH; do
  java -cp "$here/kit/*:$here/kit/lib/*" coursekit.fetch.FetchMain "$what"
done
echo "setup.sh: the autograder for $ASSIGNMENT_NAME is ready."
