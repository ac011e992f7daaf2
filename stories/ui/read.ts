// Helpers for the play functions: read what a story shows.

/** The unformatted number a `Stat` shows. */
export function rawValue(element: HTMLElement): number {
  const raw = element.dataset['value']
  if (raw === undefined) throw new Error('This element has no data-value.')
  return Number(raw)
}
