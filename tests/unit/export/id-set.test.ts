import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdSet } from '../../../src/main/export/id-set'

describe('the set of counted ids', () => {
  it('says, as a Set would, whether each id is new: UUIDs in any case, and any other id', () => {
    const id = fc.oneof(
      fc.uuid(),
      fc.uuid().map((uuid) => uuid.toUpperCase()),
      fc.constantFrom('a', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g')
    )
    fc.assert(
      fc.property(fc.array(id, { maxLength: 3000 }), (ids) => {
        const packed = new IdSet()
        const plain = new Set<string>()
        for (const one of ids) {
          // The same UUID in upper and lower case is the same number, so the same record.
          const key = /^[0-9a-f-]{36}$/i.test(one) && !one.endsWith('g') ? one.toLowerCase() : one
          expect(packed.add(one)).toBe(!plain.has(key))
          plain.add(key)
        }
      }),
      { numRuns: 50 }
    )
  })

  it('keeps every id through its growth, and tells ids apart that differ in one digit only', () => {
    const packed = new IdSet()
    const ids = Array.from(
      { length: 20_000 },
      (_, index) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`
    )
    for (const id of ids) expect(packed.add(id)).toBe(true)
    for (const id of ids) expect(packed.add(id)).toBe(false)
  })

  it('keeps the ids of a file apart until they are added whole, as a Set per file would', () => {
    const id = fc.oneof(fc.uuid(), fc.constantFrom('a', 'b', 'not-a-uuid'))
    fc.assert(
      fc.property(
        fc.array(fc.record({ ids: fc.array(id, { maxLength: 300 }), sound: fc.boolean() }), { maxLength: 8 }),
        (files) => {
          const seen = new IdSet()
          const plain = new Set<string>()
          for (const file of files) {
            const own = new IdSet()
            const ownPlain = new Set<string>()
            for (const one of file.ids) {
              expect(own.addUnlessIn(one, seen)).toBe(!plain.has(one) && !ownPlain.has(one))
              ownPlain.add(one)
            }
            if (!file.sound) continue
            seen.addAll(own)
            for (const one of ownPlain) plain.add(one)
          }
          for (const one of plain) expect(seen.add(one)).toBe(false)
        }
      ),
      { numRuns: 50 }
    )
  })
})
