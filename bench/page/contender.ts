// What the scenarios need from each contender. Every contender runs the same
// work (work.ts) in its own worker script; only the messaging differs.

export interface Handle {
  noop(): Promise<unknown>
  spin(ms: number): Promise<unknown>
  echo(buffer: ArrayBuffer, move: boolean): Promise<ArrayBuffer>
  /** Floods the page with `count` progress reports, one per step. */
  flood(count: number, onProgress: (value: number) => void): Promise<unknown>
  close(): Promise<void> | void
}

export interface Contender {
  readonly name: string
  /**
   * A pool of `size` workers. Workers may start lazily, on the first run, as
   * each library does by default.
   */
  open(size: number): Handle
}
