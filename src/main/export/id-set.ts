// The ids the fleet report has counted, so each record counts once however many files hold it. A million ids as
// strings in a Set take about 90 MB and keep the report's heap growing; as 128-bit numbers in typed arrays they take
// 16 bytes each (32 MB at a million, with the table half empty).

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A set of record ids: UUIDs (every id a kiosk makes) packed into typed arrays, anything else in a plain Set. */
export class IdSet {
  #words = new Uint32Array(4 * 1024)
  #used = new Uint8Array(1024)
  #count = 0
  readonly #others = new Set<string>()

  /** Adds an id; false when it was already there. */
  add(id: string): boolean {
    return this.addUnlessIn(id, null)
  }

  /**
   * Adds an id unless it is in `known` or already here; false then. A file's ids go into a set of their own this way,
   * and join the report's with addAll only once the whole file proved sound.
   */
  addUnlessIn(id: string, known: IdSet | null): boolean {
    if (!uuid.test(id)) {
      if (this.#others.has(id) || (known !== null && known.#others.has(id))) return false
      // A copy: the id as parsed is a slice of its whole file's text, which would otherwise stay in memory.
      this.#others.add(Buffer.from(id, 'utf8').toString('utf8'))
      return true
    }
    const a = Number.parseInt(id.slice(0, 8), 16) >>> 0
    const b = Number.parseInt(id.slice(9, 13) + id.slice(14, 18), 16) >>> 0
    const c = Number.parseInt(id.slice(19, 23) + id.slice(24, 28), 16) >>> 0
    const d = Number.parseInt(id.slice(28, 36), 16) >>> 0
    if (known !== null && known.#slotOf(a, b, c, d) >= 0) return false
    if (!this.#insert(a, b, c, d)) return false
    this.#added()
    return true
  }

  /** Adds every id of `other`. */
  addAll(other: IdSet): void {
    for (const id of other.#others) this.#others.add(id)
    const words = other.#words
    for (let slot = 0; slot < other.#used.length; slot += 1)
      if (other.#used[slot] === 1) {
        const at = slot * 4
        if (
          this.#insert(words[at] as number, words[at + 1] as number, words[at + 2] as number, words[at + 3] as number)
        )
          this.#added()
      }
  }

  #added(): void {
    this.#count += 1
    if (this.#count * 2 > this.#used.length) this.#grow()
  }

  /** The slot holding the id of these four words, or -1. */
  #slotOf(a: number, b: number, c: number, d: number): number {
    const mask = this.#used.length - 1
    let slot = (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(c ^ d, 0xc2b2ae35)) & mask
    for (;;) {
      if (this.#used[slot] === 0) return -1
      const at = slot * 4
      const words = this.#words
      if (words[at] === a && words[at + 1] === b && words[at + 2] === c && words[at + 3] === d) return slot
      slot = (slot + 1) & mask
    }
  }

  #insert(a: number, b: number, c: number, d: number): boolean {
    const mask = this.#used.length - 1
    let slot = (Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(c ^ d, 0xc2b2ae35)) & mask
    for (;;) {
      if (this.#used[slot] === 0) {
        this.#used[slot] = 1
        const at = slot * 4
        this.#words[at] = a
        this.#words[at + 1] = b
        this.#words[at + 2] = c
        this.#words[at + 3] = d
        return true
      }
      const at = slot * 4
      const words = this.#words
      if (words[at] === a && words[at + 1] === b && words[at + 2] === c && words[at + 3] === d) return false
      slot = (slot + 1) & mask
    }
  }

  #grow(): void {
    const words = this.#words
    const used = this.#used
    this.#words = new Uint32Array(words.length * 2)
    this.#used = new Uint8Array(used.length * 2)
    for (let slot = 0; slot < used.length; slot += 1)
      if (used[slot] === 1)
        this.#insert(
          words[slot * 4] as number,
          words[slot * 4 + 1] as number,
          words[slot * 4 + 2] as number,
          words[slot * 4 + 3] as number
        )
  }
}
