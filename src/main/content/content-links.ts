import { lstatSync, readlinkSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/** What a path inside a content folder really is, once every link on the way is followed; or why it is refused. */
export type LinkOutcome = { kind: 'file' | 'folder' | 'other' | 'missing'; linked: boolean } | { problem: string }

/** The most links followed for one path: more means a loop (the same as most systems allow). */
const mostHops = 40

/** Whether a path is the folder itself or lies under it, read as written (no file is touched). */
export function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path)
  return inside === '' || (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside))
}

/** Why a link is refused, in words that follow the file's name. */
export const linkProblems = {
  outside:
    'is a link to somewhere outside the content folder, which the kiosk does not follow: copy the file itself into ' +
    'the folder',
  missing: 'is a link to something that is not there: copy the file itself into the folder, or remove the link',
  loop: 'is a link that goes round in a loop: copy the file itself into the folder, or remove the link'
} as const

/**
 * Follows `path` (inside `root`) one name at a time, as the system would, but reads each link's target as written
 * before going there: a link that leads out of the folder (on Windows, to a server's share, which merely looking at
 * would make the kiosk contact) is refused without touching its target. Windows junctions read as links here too.
 */
export function followInside(root: string, path: string): LinkOutcome {
  const realRoot = realpathSync(root)
  const names = relative(root, path).split(sep)
  if (!isInside(root, path)) return { problem: linkProblems.outside }
  let current = realRoot
  let hops = 0
  while (names.length > 0) {
    const name = names.shift() as string
    if (name === '' || name === '.') continue
    // `current` is always a real folder (no link in it), so going up a level by its name is what the system does.
    const next = name === '..' ? dirname(current) : join(current, name)
    if (!isInside(realRoot, next)) return { problem: linkProblems.outside }
    let stats
    try {
      stats = lstatSync(next)
    } catch {
      return hops > 0 ? { problem: linkProblems.missing } : { kind: 'missing', linked: false }
    }
    if (!stats.isSymbolicLink()) {
      current = next
      if (names.length === 0)
        return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other', linked: hops > 0 }
      continue
    }
    hops += 1
    if (hops > mostHops) return { problem: linkProblems.loop }
    const target = resolve(current, readlinkSync(next))
    if (!isInside(realRoot, target)) return { problem: linkProblems.outside }
    // The rest of the way goes on from the link's target, name by name from the folder's real top.
    names.unshift(...relative(realRoot, target).split(sep))
    current = realRoot
  }
  return { kind: 'folder', linked: hops > 0 }
}
