// Values marked by `transfer` remember their transfer lists here until they
// are posted. A WeakMap, so a marked value that is never sent is not kept.
const marked = new WeakMap<object, Transferable[]>()

/**
 * Marks `value` so that `transferables` (ArrayBuffers, MessagePorts,
 * ImageBitmaps, ...) move to the other thread instead of being copied. After
 * the move the sender's buffers are detached. Use it for a task's result in
 * the worker, or for an input on the page. Returns `value` itself.
 */
export function transfer<TValue>(
  value: TValue,
  transferables: Transferable[],
): TValue {
  if (typeof value !== 'object' || !value || !Array.isArray(transferables)) {
    throw new TypeError(
      `transfer: takes an object and an array of its transferables, received ${typeof value} and ${typeof transferables}.`,
    )
  }
  marked.set(value, transferables)
  return value
}

/** The transfer list marked on `value`, if any; the mark is used up. */
export function takeTransferables(value: unknown): Transferable[] {
  if (typeof value !== 'object' || value === null) return []
  const list = marked.get(value)
  if (!list) return []
  marked.delete(value)
  return list
}
