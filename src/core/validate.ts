import type { InvokeOptions } from './types.ts'

// Eager checks for callers from plain JavaScript. Every message has one
// shape: `<function>: <what> must be <rule>, received <value>.`

/** Describes a bad value briefly, for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'function')
    return `function ${value.name || '(anonymous)'}`
  if (value === null || typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return 'an array'
  const name = (value as object).constructor?.name
  return name && name !== 'Object' ? `a ${name}` : 'an object'
}

export function fail(
  where: string,
  what: string,
  rule: string,
  value: unknown,
): never {
  throw new TypeError(
    `${where}: ${what} must be ${rule}, received ${describe(value)}.`,
  )
}

export function checkNumber(
  where: string,
  what: string,
  value: unknown,
  min: number,
): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || Number.isNaN(value) || value < min) {
    fail(where, what, `a number >= ${min}`, value)
  }
  return value
}

export function checkFunction(
  where: string,
  what: string,
  value: unknown,
): void {
  if (value !== undefined && typeof value !== 'function') {
    fail(where, what, 'a function', value)
  }
}

export function checkOptions(where: string, value: unknown): void {
  if (value !== undefined && (value === null || typeof value !== 'object')) {
    fail(where, 'options', 'an object', value)
  }
}

/**
 * Checks the options every way of starting a run shares: those of
 * `invokeLongCallback` but `signal`.
 */
export function checkRunOptions<TResult>(
  where: string,
  options: Omit<InvokeOptions<TResult>, 'signal'>,
): void {
  checkOptions(where, options)
  checkNumber(where, 'period', options.period, 0)
  checkNumber(where, 'timeoutMs', options.timeoutMs, 0)
  checkNumber(where, 'killAfterMs', options.killAfterMs, 0)
  checkFunction(where, 'onStatus', options.onStatus)
  const { key, store } = options
  if (key !== undefined && (typeof key !== 'string' || key === '')) {
    fail(where, 'key', 'a non-empty string', key)
  }
  checkStore(where, store)
}

export function checkStore(where: string, store: unknown): void {
  const setState = (store as { setState?: unknown } | null)?.setState
  if (store !== undefined && typeof setState !== 'function') {
    fail(where, 'store', 'a store from createLongCallbackStore', store)
  }
}
