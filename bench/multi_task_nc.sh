#!/usr/bin/env bash
# Reproduces the Multi-Task-NC tables of docs/task-incremental.md: the CLVision 2020 challenge's Multi-Task-NC
# track (50 classes in 10, then 8 x 5, a head per task and the task label at test time) on the embedded CORe50
# stand-in: Naive, LwF, EWC and SI (or whatever STRATEGIES names), seeds 42, 43, 44; then the strategies that train
# on stored or earlier images, each on its own task's head (REHEARSAL, default Joint, Cumulative, Replay and iCaRL;
# empty to skip), into OUT-rehearsal.
#
#   bench/multi_task_nc.sh                              # 4 strategies, 3 seeds, into out/continual-learning/multi-task-nc
#   STRATEGIES=naive,lwf SEEDS=1 bench/multi_task_nc.sh
#   CORE50=~/.coursekit/datasets/core50 bench/multi_task_nc.sh   # the real CORe50 (every 10th frame, 32x32)
set -euo pipefail
cd "$(dirname "$0")/.."

out="${OUT:-out/continual-learning/multi-task-nc}"
# One PyTorch thread: the MLP is small, and on a 2-core machine a second thread only waits.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
data=()
[[ -n "${CORE50:-}" ]] && data=(--data "$CORE50")

mkdir -p "$out"
started=$(date +%s)
./kit lab lwf --scenario multi-task-nc "${data[@]}" --strategy "${STRATEGIES:-naive,lwf,ewc,si}" --seeds "${SEEDS:-3}" --seed 42 \
  --epochs "${EPOCHS:-5}" --out "$out" | tee "$out.log"
echo "Multi-Task-NC: $(( $(date +%s) - started )) s of wall time, OMP_NUM_THREADS=$OMP_NUM_THREADS."
cat "$out/comparison.md"
rehearsal="${REHEARSAL-joint,cumulative,replay,icarl-herding,icarl-random}"
if [[ -n "$rehearsal" ]]; then
  started=$(date +%s)
  ./kit lab lwf --scenario multi-task-nc "${data[@]}" --strategy "$rehearsal" --seeds "${SEEDS:-3}" --seed 42 \
    --epochs "${EPOCHS:-5}" --out "$out-rehearsal" | tee "$out-rehearsal.log"
  echo "Multi-Task-NC, rehearsal: $(( $(date +%s) - started )) s of wall time, OMP_NUM_THREADS=$OMP_NUM_THREADS."
  cat "$out-rehearsal/comparison.md"
fi
