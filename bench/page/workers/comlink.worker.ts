import * as Comlink from 'comlink'
import { flood, spin } from '../work.ts'

const api = {
  noop(): void {},
  spin,
  echo(buffer: ArrayBuffer, move: boolean): ArrayBuffer {
    return move ? Comlink.transfer(buffer, [buffer]) : buffer
  },
  // The usual Comlink way to report progress: a proxied callback, one
  // message per call.
  flood(count: number, onProgress: (value: number) => void): number {
    return flood(count, (value) => void onProgress(value))
  },
}

export type ComlinkApi = typeof api

Comlink.expose(api)
