import { seededRandom } from '../workers/random.ts'

/** Draws a sharp-edged picture to blur: sky, stars, sun, hills, a title. */
export function drawPoster(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
): void {
  const sky = context.createLinearGradient(0, 0, 0, height)
  sky.addColorStop(0, '#1e1b4b')
  sky.addColorStop(0.6, '#7c3aed')
  sky.addColorStop(1, '#f97316')
  context.fillStyle = sky
  context.fillRect(0, 0, width, height)

  // Stars: small, sharp points that a blur visibly softens.
  const random = seededRandom(3)
  context.fillStyle = '#ffffff'
  for (let star = 0; star < 140; star++) {
    const size = 1 + 2 * random()
    context.fillRect(random() * width, random() * height * 0.5, size, size)
  }

  context.fillStyle = '#fde68a'
  context.beginPath()
  context.arc(width * 0.7, height * 0.45, height * 0.18, 0, 2 * Math.PI)
  context.fill()

  const hills = ['#312e81', '#1e1b4b', '#0f172a']
  hills.forEach((colour, layer) => {
    context.fillStyle = colour
    context.beginPath()
    context.moveTo(0, height)
    for (let x = 0; x <= width; x += width / 12) {
      const wave = Math.sin(x / (90 + 40 * layer) + layer * 2)
      context.lineTo(x, height * (0.62 + 0.1 * layer) - wave * height * 0.07)
    }
    context.lineTo(width, height)
    context.fill()
  })

  context.fillStyle = '#ffffff'
  context.font = `bold ${Math.round(height / 9)}px system-ui, sans-serif`
  context.fillText('react-long-callback', width * 0.05, height * 0.2)
}

/**
 * The largest step between horizontal neighbours (green channel): about
 * 200 for a star's edge, far less once blurred.
 */
export function sharpestEdge(
  data: Uint8ClampedArray,
  width: number,
  height: number,
): number {
  let sharpest = 0
  for (let y = 0; y < height; y++) {
    for (let x = 1; x < width; x++) {
      const at = (y * width + x) * 4 + 1
      const step = Math.abs((data[at] ?? 0) - (data[at - 4] ?? 0))
      if (step > sharpest) sharpest = step
    }
  }
  return sharpest
}
