#!/usr/bin/env bash
# Gradescope runs this once, when the autograder image is built (as root, with network), from the
# unpacked zip in /autograder/source. It installs a JDK >= 21 if there is none, then grades the
# pristine starter once: that downloads every Maven plugin and dependency (grading later runs
# offline) and keeps the starter's results as templates for lessons that do not compile in a
# submission (so their tests keep their names and points).
set -euo pipefail
AUTOGRADER_ROOT=${AUTOGRADER_ROOT:-/autograder}
cd "$AUTOGRADER_ROOT/source"

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! command -v "$java_cmd" >/dev/null || [ "$(java_major "$java_cmd")" -lt 21 ]; then
  unset JAVA_HOME
  apt-get update -q
  apt-get install -y -q openjdk-21-jdk-headless || apt-get install -y -q openjdk-25-jdk-headless
fi
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
export JAVA_HOME
mkdir -p autograder
echo "JAVA_HOME=$JAVA_HOME" > autograder/java.env

# Gradescope's adapter (autograder/Gradescope.java, needs Gson), compiled once for run_autograder.
bash ./mvnw -B -ntp -pl grader dependency:build-classpath \
  -Dmdep.outputFile="$PWD/autograder/classpath.txt" -Dmdep.includeScope=compile
grep -q gson autograder/classpath.txt || { echo "setup: no class path for the adapter (Gson)" >&2; exit 1; }
"$JAVA_HOME/bin/javac" -nowarn -cp "$(cat autograder/classpath.txt)" -d autograder/classes autograder/Gradescope.java
bash ./mvnw -B -ntp verify -Pgrade -fae || true
rm -rf .grading-templates && mkdir -p .grading-templates
for lesson in lesson-*/; do
  lesson=${lesson%/}
  if [ -f "$lesson/target/grading/results.json" ]; then
    cp "$lesson/target/grading/results.json" ".grading-templates/$lesson.json"
  else
    echo "setup: the starter of $lesson did not grade" >&2
    exit 1
  fi
done
echo "setup: ready, $(ls .grading-templates | wc -l) lessons"
