import { Faker, base, zh_CN } from '@faker-js/faker';

const RESOLUTION = 2 ** 30;

/**
 * The one source of chance for the whole demo load. Its own Faker instance (not the shared
 * `fakerZH_CN`), so nothing else in the process can shift the sequence: the same seed gives the same
 * company on every load.
 */
export class DemoRandom {
  private readonly faker: Faker;

  constructor(seed: number) {
    this.faker = new Faker({ locale: [zh_CN, base], seed });
  }

  /** A number in [0, 1). */
  next(): number {
    return this.faker.number.int({ min: 0, max: RESOLUTION - 1 }) / RESOLUTION;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.min(count, items.length));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Pareto-distributed size ≥ 1: most customers small, a few very large. */
  pareto(alpha: number, cap: number): number {
    return Math.min(cap, (1 - this.next()) ** (-1 / alpha));
  }

  digits(length: number): string {
    return this.faker.string.numeric({ length, allowLeadingZeros: true });
  }
}
