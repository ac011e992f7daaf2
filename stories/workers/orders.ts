import { seededRandom } from './random.ts'

/** One generated sales order. */
export interface Order {
  id: number
  /** ISO day in 2025. */
  date: string
  region: string
  product: string
  quantity: number
  /** Price of one unit, in cents. */
  unitPrice: number
}

export const REGIONS = ['North', 'South', 'East', 'West', 'Central'] as const
/** Products with their base price in cents. */
const PRODUCTS: ReadonlyArray<readonly [string, number]> = [
  ['Lamp', 3_900],
  ['Desk', 24_900],
  ['Chair', 8_900],
  ['Shelf', 6_900],
  ['Rug', 12_900],
  ['Sofa', 79_900],
  ['Bed', 59_900],
]

export const CSV_HEADER = 'id,date,region,product,quantity,unit_price'

/** Makes orders one at a time from a seed: the same seed, the same orders. */
export function orderGenerator(seed: number): (id: number) => Order {
  const random = seededRandom(seed)
  return (id) => {
    const [product, basePrice] = pick(PRODUCTS, random)
    const day = 1 + Math.floor(random() * 365)
    return {
      id,
      date: isoDay(day),
      region: pick(REGIONS, random),
      product,
      quantity: 1 + Math.floor(random() ** 3 * 40),
      unitPrice: Math.round(basePrice * (0.8 + 0.4 * random())),
    }
  }
}

export function orderAmount(order: Order): number {
  return order.quantity * order.unitPrice
}

export function toCsvLine(order: Order): string {
  const { id, date, region, product, quantity, unitPrice } = order
  return `${id},${date},${region},${product},${quantity},${unitPrice}`
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new RangeError('pick: the list is empty.')
  return item
}

// Formatting a date is slow next to the rest of an order: do it once a day.
const DAYS = Array.from({ length: 366 }, (_, day) =>
  new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10),
)

function isoDay(dayOfYear: number): string {
  return DAYS[dayOfYear] ?? '2025-12-31'
}
