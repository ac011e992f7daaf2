// grayscale.ts
import {
  createWorkerPool,
  invokeLongCallback,
  transfer,
} from 'react-long-callback'
import type { Bitmap, Tasks } from './image.worker'

const pool = createWorkerPool<Tasks>(
  () =>
    new Worker(new URL('./image.worker.ts', import.meta.url), {
      type: 'module',
    }),
)
const grayscale = pool.task('grayscale')

export async function toGrayscale(image: ImageData): Promise<ImageData> {
  const input: Bitmap = {
    width: image.width,
    height: image.height,
    pixels: image.data.buffer,
  }
  // Moves the pixels to the worker: `image.data` is empty afterwards.
  const run = invokeLongCallback(grayscale, transfer(input, [input.pixels]))
  const { width, height, pixels } = await run.promise
  return new ImageData(new Uint8ClampedArray(pixels), width, height)
}
