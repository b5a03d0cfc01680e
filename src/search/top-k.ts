/**
 * The k items with the highest scores, without sorting them all: a min-heap of size k. Among equal scores the
 * earlier item wins, as a stable sort would have it. The result is in no particular order.
 */
export function topK(items: readonly number[], score: ArrayLike<number>, k: number): number[] {
  if (items.length <= k) return [...items];
  // heap holds positions in `items`; heap[0] is the worst kept one.
  const heap: number[] = [];
  const worse = (a: number, b: number) => {
    const sa = score[items[a]!]!;
    const sb = score[items[b]!]!;
    return sa < sb || (sa === sb && a > b);
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let pos = 0; pos < items.length; pos++) {
    if (heap.length < k) {
      heap.push(pos);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(heap[0]!, pos)) {
      heap[0] = pos;
      down(0);
    }
  }
  return heap.map((pos) => items[pos]!);
}
