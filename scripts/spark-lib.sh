# Shared by scripts/spark-run, scripts/test-spark and scripts/bench: Java from
# Debian when missing, pyspark (pinned) in .venv-spark. Sourced, not run.
SPARK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYSPARK_VERSION=3.5.9
SPARK_VENV=${SPARK_VENV:-$SPARK_ROOT/.venv-spark}

spark_setup() {
  if ! command -v java >/dev/null 2>&1; then
    echo "==> installing default-jre-headless (Java for Spark)" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless >&2
  fi
  if ! "$SPARK_VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "==> installing pyspark $PYSPARK_VERSION into $SPARK_VENV" >&2
    python3 -m venv "$SPARK_VENV"
    "$SPARK_VENV/bin/pip" install -q "pyspark==$PYSPARK_VERSION" >&2
  fi
}
