// Helpers for the play functions: read what a story shows, wait for it.

/**
 * Options for a wait that includes starting a worker: on a busy machine a
 * first worker can take seconds to load. A wait ends as soon as its
 * condition holds, so a generous limit costs nothing when all is well.
 */
export const UNTIL_WORKER = { timeout: 20_000 }

/** The unformatted number a `Stat` shows. */
export function rawValue(element: HTMLElement): number {
  const raw = element.dataset['value']
  if (raw === undefined) throw new Error('This element has no data-value.')
  return Number(raw)
}
