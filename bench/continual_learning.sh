#!/usr/bin/env bash
# Reproduces the results tables of docs/continual-learning.md, and those with a head per task of
# docs/task-incremental.md: every strategy on Split-MNIST and Split-Fashion-MNIST (embedded data, 5 experiences
# of 2 classes), 3 seeds each (the seed sets the class order, the initial weights and the shuffles), mean ±
# standard deviation per strategy.
#
#   bench/continual_learning.sh                    # both datasets, seeds 42 43 44
#   DATASETS=mnist bench/continual_learning.sh     # Split-MNIST only
#   OUT=/tmp/cl EPOCHS=2 SEEDS=1 bench/continual_learning.sh
#   SMOKE=1 bench/continual_learning.sh            # smoke mode (CI): quick mode's subsets (60 training images
#                                                  # per class), 1 epoch, 1 seed, into a temporary folder
#
# Then the same data with a head per task (--scenario task: every strategy but CWR* and AR1, each image, exemplars
# included, trained on its own task's head) into DATASET-task/.
#
# Then herding against random exemplars with a small memory (MEMORIES, default "20 50": 2 and 5 images per
# class at the end) into DATASET-memory-M/.
#
# Each dataset's folder gets runs.csv (one row per run), matrices.csv (every R[i][j]),
# comparison.md / comparison.csv (mean ± std), accuracy.png and a heatmap of R per strategy.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SMOKE:-0}" == 1 ]]; then
  export COURSEKIT_QUICK=1
  out="${OUT:-$(mktemp -d)}"
  EPOCHS="${EPOCHS:-1}"
  SEEDS="${SEEDS:-1}"
fi
out="${OUT:-${out:-out/continual-learning}}"
read -r -a datasets <<< "${DATASETS:-mnist fashion-mnist}"
strategies="naive,joint,cumulative,replay,lwf,icarl-herding,icarl-random,ewc,si,cwr*,ar1,ar1-latent"
task_strategies="naive,joint,cumulative,replay,lwf,icarl-herding,icarl-random,ewc,si"
# One PyTorch thread: the MLP is small, and on a 2-core machine a second thread only waits.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

mkdir -p "$out"
for dataset in "${datasets[@]}"; do
  started=$(date +%s)
  ./kit lab icarl --dataset "$dataset" --strategy "$strategies" --seeds "${SEEDS:-3}" --seed 42 --epochs "${EPOCHS:-5}" \
    --out "$out/$dataset" | tee "$out/$dataset.log"
  echo "Split-$dataset: $(( $(date +%s) - started )) s of wall time, OMP_NUM_THREADS=$OMP_NUM_THREADS."
  cat "$out/$dataset/comparison.md"
done
for dataset in "${datasets[@]}"; do
  started=$(date +%s)
  ./kit lab lwf --scenario task --dataset "$dataset" --strategy "$task_strategies" --seeds "${SEEDS:-3}" --seed 42 \
    --epochs "${EPOCHS:-5}" --out "$out/$dataset-task" | tee "$out/$dataset-task.log"
  echo "Split-$dataset with a head per task: $(( $(date +%s) - started )) s of wall time, OMP_NUM_THREADS=$OMP_NUM_THREADS."
  cat "$out/$dataset-task/comparison.md"
done
for dataset in "${datasets[@]}"; do
  for memory in ${MEMORIES:-20 50}; do
    ./kit lab icarl --dataset "$dataset" --strategy icarl-herding,icarl-random --memory "$memory" --seeds "${SEEDS:-3}" \
      --seed 42 --epochs "${EPOCHS:-5}" --out "$out/$dataset-memory-$memory" > "$out/$dataset-memory-$memory.log"
    echo "Split-$dataset, herding against random exemplars, memory $memory:"
    cat "$out/$dataset-memory-$memory/comparison.md"
  done
done
