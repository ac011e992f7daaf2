import * as Comlink from 'comlink'
import type { Contender, Handle } from '../contender.ts'
import type { ComlinkApi } from '../workers/comlink.worker.ts'

// Comlink has no pool: `size` wrapped workers, called round-robin, which is
// how one spreads work with it.
function open(size: number): Handle {
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(new URL('../workers/comlink.worker.ts', import.meta.url), {
        type: 'module',
      }),
  )
  const remotes = workers.map((worker) => Comlink.wrap<ComlinkApi>(worker))
  let turn = 0
  const next = () => remotes[turn++ % size] as Comlink.Remote<ComlinkApi>

  return {
    noop: () => next().noop(),
    spin: (ms) => next().spin(ms),
    echo: (buffer, move) =>
      next().echo(move ? Comlink.transfer(buffer, [buffer]) : buffer, move),
    flood: (count, onProgress) =>
      next().flood(count, Comlink.proxy(onProgress)),
    close: () => {
      remotes.forEach((remote) => remote[Comlink.releaseProxy]())
      workers.forEach((worker) => worker.terminate())
    },
  }
}

export const comlink: Contender = { name: 'Comlink', open }
