// image.worker.ts
import { defineTasks, transfer } from 'react-long-callback/worker'

export interface Bitmap {
  width: number
  height: number
  pixels: ArrayBuffer // RGBA, 4 bytes a pixel
}

export const tasks = defineTasks({
  grayscale(image: Bitmap, ctx) {
    const data = new Uint8ClampedArray(image.pixels)
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i] ?? 0
      const g = data[i + 1] ?? 0
      const b = data[i + 2] ?? 0
      data[i] = data[i + 1] = data[i + 2] = 0.299 * r + 0.587 * g + 0.114 * b
      if (i % 4_000_000 === 0) ctx.progress(i / data.length)
    }
    // The buffer moves back to the page instead of being copied.
    return transfer(image, [image.pixels])
  },
})
export type Tasks = typeof tasks
