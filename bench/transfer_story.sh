#!/usr/bin/env bash
# Reproduces the results table of docs/transfer-learning.md: on the same 1,000 embedded training
# images, the CNN from scratch, fast feature extraction, feature extraction with augmentation and
# fine-tuning of the ImageNet MobileNet, once per seed; then mean and standard deviation per method.
#
#   bench/transfer_story.sh              # seeds 42 43 44, about 25 minutes on one CPU core
#   bench/transfer_story.sh 42           # one seed
#   OUT=/tmp/story bench/transfer_story.sh
#   SMOKE=1 bench/transfer_story.sh      # smoke mode (CI): quick mode (small subsets, 2 epochs), seed 42,
#                                        # into a temporary folder
#   DATA=path/to/cats_and_dogs_small bench/transfer_story.sh   # the same story on the lecture's photos
#
# Feature extraction with augmentation is phase 1 of the fine-tuning lab: the same code, seed and
# epochs as `./kit lab feature-extraction --mode augmented`, so it is not trained twice.
set -euo pipefail
cd "$(dirname "$0")/.."

seeds=("$@")
[[ ${#seeds[@]} -gt 0 ]] || seeds=(42 43 44)
if [[ "${SMOKE:-0}" == 1 ]]; then
  export COURSEKIT_QUICK=1
  [[ ${#seeds[@]} -eq 3 && $# -eq 0 ]] && seeds=(42)
  out="${OUT:-$(mktemp -d)}"
fi
out="${OUT:-${out:-out/transfer-story}}"
# The embedded set unless DATA names the lecture's folder: the labs would otherwise take the photos
# wherever the data directory holds them.
data="${DATA:-embedded}"
# One PyTorch thread: on a 2-core machine shared with other jobs, OpenMP's second thread spent its
# time waiting, and MobileNet ran 10 times slower with two threads than with one.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

started=$(date +%s)
for seed in "${seeds[@]}"; do
  ./kit lab scratch-cnn --data "$data" --seed "$seed" --out "$out/scratch-cnn-$seed"
  ./kit lab feature-extraction --data "$data" --mode fast --seed "$seed" --out "$out/feature-extraction-$seed"
  ./kit lab fine-tuning --data "$data" --seed "$seed" --out "$out/fine-tuning-$seed"
done
echo
echo "All runs took $(( $(date +%s) - started )) s of wall time; OMP_NUM_THREADS=$OMP_NUM_THREADS."
echo

# One row per method: mean ± sample standard deviation over the seeds, from each lab's results.csv.
awk -F, '
  FNR == 1 { next }
  {
    k = $2; n[k]++; size[k] = $4; epochs[k] = $5
    v[k] += $8; vv[k] += $8 * $8; t[k] += $10; tt[k] += $10 * $10; s[k] += $11
  }
  function sd(sum, squares, count) { return count > 1 ? sqrt((squares - sum * sum / count) / (count - 1)) : 0 }
  END {
    split("from scratch|fast feature extraction|feature extraction (phase 1)|fine-tuning", order, "|")
    label["feature extraction (phase 1)"] = "feature extraction with augmentation"
    print "| method | input | epochs | seeds | validation accuracy | test accuracy | seconds per run |"
    print "| --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= 4; i++) {
      k = order[i]
      if (!(k in n)) continue
      printf "| %s | %dx%d | %d | %d | %.3f ± %.3f | %.3f ± %.3f | %.0f |\n", (k in label ? label[k] : k), size[k], size[k],
        epochs[k], n[k], v[k] / n[k], sd(v[k], vv[k], n[k]), t[k] / n[k], sd(t[k], tt[k], n[k]), s[k] / n[k]
    }
  }' "$out"/*/results.csv
