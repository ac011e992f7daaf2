import { defineTasks, transfer } from '../../src/worker.ts'

/** An RGBA image whose pixels live in a transferable buffer. */
export interface RgbaImage {
  width: number
  height: number
  /** `width * height * 4` bytes, RGBA. */
  pixels: ArrayBuffer
}

export interface MandelbrotRequest {
  width: number
  height: number
  maxIterations: number
  /** The point of the complex plane at the centre of the image. */
  centerX: number
  centerY: number
  /** Width of the view in the complex plane. */
  span: number
}

export interface BlurRequest extends RgbaImage {
  /** Box radius in pixels; three passes approach a Gaussian blur. */
  radius: number
}

export const tasks = defineTasks({
  async mandelbrot(request: MandelbrotRequest, ctx) {
    const { width, height, maxIterations } = request
    const pixels = new Uint8ClampedArray(width * height * 4)
    const scale = request.span / width
    let inside = 0
    for (let y = 0; y < height; y++) {
      const ci = request.centerY + (y - height / 2) * scale
      for (let x = 0; x < width; x++) {
        const cr = request.centerX + (x - width / 2) * scale
        const escape = escapeTime(cr, ci, maxIterations)
        if (escape < 0) inside++
        paint(pixels, (y * width + x) * 4, escape, maxIterations)
      }
      if (y % 8 === 7) {
        ctx.progress((y + 1) / height, `row ${y + 1} of ${height}`)
        await ctx.checkpoint()
      }
    }
    const image: RgbaImage & { inside: number } = {
      width,
      height,
      pixels: pixels.buffer,
      inside,
    }
    return transfer(image, [pixels.buffer])
  },

  async boxBlur({ width, height, pixels, radius }: BlurRequest, ctx) {
    const image = new Uint8ClampedArray(pixels)
    const scratch = new Uint8ClampedArray(image.length)
    const passes = 3
    for (let pass = 0; pass < passes; pass++) {
      // Rows, then columns: transposing lets one row pass do both.
      blurRows(image, scratch, width, height, radius)
      transpose(scratch, image, width, height)
      blurRows(image, scratch, height, width, radius)
      transpose(scratch, image, height, width)
      ctx.progress((pass + 1) / passes, `pass ${pass + 1} of ${passes}`)
      await ctx.checkpoint()
    }
    // The same buffer that came in goes back: no copy in either direction.
    const blurred: RgbaImage = { width, height, pixels }
    return transfer(blurred, [pixels])
  },
})

export type ImageTasks = typeof tasks

/** The colour of points inside the set. */
const INSIDE = [15, 23, 42]

/** Iterations before z escapes, smoothed; -1 inside the set. */
function escapeTime(cr: number, ci: number, max: number): number {
  let zr = 0
  let zi = 0
  for (let i = 0; i < max; i++) {
    const zr2 = zr * zr
    const zi2 = zi * zi
    if (zr2 + zi2 > 16) return i + 1 - Math.log2(Math.log2(zr2 + zi2) / 2)
    zi = 2 * zr * zi + ci
    zr = zr2 - zi2 + cr
  }
  return -1
}

function paint(
  pixels: Uint8ClampedArray,
  at: number,
  escape: number,
  max: number,
): void {
  pixels[at + 3] = 255
  if (escape < 0) {
    pixels.set(INSIDE, at)
    return
  }
  // A cosine palette over the log of the escape time: bands of colour
  // that stay visible deep into the zoom, fading to dark far outside.
  const t = Math.log(1 + escape) / Math.log(1 + max)
  const fade = Math.min(1, 4 * t)
  const wave = (shift: number) =>
    127.5 * fade * (1 - Math.cos(2 * Math.PI * (3 * t + shift)))
  pixels[at] = wave(0.62)
  pixels[at + 1] = wave(0.74)
  pixels[at + 2] = wave(0.86)
}

/** One horizontal box pass from `source` into `target` (running sums). */
function blurRows(
  source: Uint8ClampedArray,
  target: Uint8ClampedArray,
  width: number,
  height: number,
  radius: number,
): void {
  const span = 2 * radius + 1
  for (let y = 0; y < height; y++) {
    const row = y * width * 4
    for (let c = 0; c < 4; c++) {
      let sum = 0
      for (let x = -radius; x <= radius; x++) {
        sum += source[row + clamp(x, width) * 4 + c] ?? 0
      }
      for (let x = 0; x < width; x++) {
        target[row + x * 4 + c] = sum / span
        sum += source[row + clamp(x + radius + 1, width) * 4 + c] ?? 0
        sum -= source[row + clamp(x - radius, width) * 4 + c] ?? 0
      }
    }
  }
}

function clamp(x: number, size: number): number {
  return x < 0 ? 0 : x >= size ? size - 1 : x
}

/** Swaps rows and columns, so that a row pass can blur columns. */
function transpose(
  source: Uint8ClampedArray,
  target: Uint8ClampedArray,
  width: number,
  height: number,
): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4
      const to = (x * height + y) * 4
      target[to] = source[from] ?? 0
      target[to + 1] = source[from + 1] ?? 0
      target[to + 2] = source[from + 2] ?? 0
      target[to + 3] = source[from + 3] ?? 0
    }
  }
}
