import { z } from 'zod'
import type { ReaderSettings } from './domain'

const seconds = (min: number, max: number) => z.number().int().min(min).max(max)
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, such as "08:00"')
const fullPath = z
  .string()
  .regex(
    /^([A-Za-z]:[\\/]|\\\\|\/)/,
    'must be a full path, such as "E:\\Exports", "\\\\server\\share" or "/srv/exports"'
  )

const displayMessage =
  'must be null, a display number counted from the left (1, 2, …) or the display\'s name, such as "DELL P2418HT"'

/** Every config key with its type, bounds and default; README.md documents each one. */
export const configShape = {
  contentFolder: fullPath.nullable().default(null),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as "en" or "es"')
    .default('en'),
  playlist: z.array(z.string().min(1)).max(200).default([]),
  hideArticlesPastReview: z.boolean().default(false),
  idleSeconds: seconds(3, 3600).default(60),
  stillReadingSeconds: seconds(1, 60).default(10),
  attractWordsPerMinute: z.number().min(40).max(400).default(100),
  minSectionSeconds: seconds(1, 600).default(8),
  maxSectionSeconds: seconds(1, 3600).default(40),
  stationLabel: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
    .default('Waiting room'),
  feedbackTimeRoundingMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(15),
  feedbackMinimumGapSeconds: seconds(0, 600).default(5),
  thankYouSeconds: seconds(2, 60).default(6),
  exportFolder: fullPath.nullable().default(null),
  scheduledExport: z
    .strictObject({
      folder: fullPath,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, such as "18:30"'),
      format: z.enum(['csv', 'json']).default('csv'),
      // A report.html beside each night's files; off by default, since a shared folder gets one a night per kiosk.
      report: z.boolean().default(false)
    })
    .nullable()
    .default(null),
  retentionDays: z.number().int().min(30).max(3650).default(365),
  staffSessionSeconds: seconds(10, 1800).default(120),
  clinicHours: z
    .strictObject({
      days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
      open: timeOfDay,
      close: timeOfDay
    })
    .refine((hours) => hours.open < hours.close, 'open must be before close')
    .nullable()
    .default(null),
  autoStart: z.boolean().default(true),
  softRestartTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, such as "03:30"')
    .nullable()
    .default('03:30'),
  // null: the display the window is on (the primary one at start); else a number counted from the left, or a name.
  display: z
    .union(
      [
        z.number(displayMessage).int(displayMessage).min(1, displayMessage).max(16, displayMessage),
        z.string(displayMessage).trim().min(1, displayMessage).max(120, displayMessage)
      ],
      displayMessage
    )
    .nullable()
    .default(null),
  // A shared folder where the kiosk keeps `<station>.status.json` for the fleet report; null: no status file.
  statusFolder: fullPath.nullable().default(null),
  // While a copy stands in for an unreachable contentFolder, how often the kiosk looks at the folder again.
  contentRetryMinutes: seconds(1, 1440).default(5)
} as const

const configSchema = z.object(configShape)

/** The kiosk's configuration after defaults are applied. */
export type KioskConfig = z.infer<typeof configSchema>

/** A config key that was wrong, and what was wrong with it; the key falls back to its default. */
export interface ConfigProblem {
  key: string
  message: string
}

/** The config the kiosk runs with, and what was wrong with the file it came from. */
export interface ConfigOutcome {
  config: KioskConfig
  problems: ConfigProblem[]
}

/** The config with every key at its default. */
export function defaultConfig(): KioskConfig {
  return configSchema.parse({})
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads a config object key by key, so one wrong value falls back to its default without taking the others with it.
 */
export function parseConfig(raw: unknown): ConfigOutcome {
  const problems: ConfigProblem[] = []
  if (!isRecord(raw)) {
    return { config: defaultConfig(), problems: [{ key: '(file)', message: 'the config must be a JSON object' }] }
  }
  const accepted: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(configShape, key)) {
      problems.push({ key, message: 'unknown key, ignored' })
      continue
    }
    const checked = configShape[key as keyof typeof configShape].safeParse(value)
    if (checked.success) accepted[key] = checked.data
    else problems.push({ key, message: checked.error.issues.map((issue) => issue.message).join('; ') })
  }
  const config = configSchema.parse(accepted)
  if (config.stillReadingSeconds >= config.idleSeconds) {
    problems.push({ key: 'stillReadingSeconds', message: 'must be shorter than idleSeconds' })
    config.stillReadingSeconds = Math.min(configShape.stillReadingSeconds.parse(undefined), config.idleSeconds - 1)
  }
  if (config.minSectionSeconds > config.maxSectionSeconds) {
    problems.push({ key: 'minSectionSeconds', message: 'must not be longer than maxSectionSeconds' })
    config.minSectionSeconds = Math.min(configShape.minSectionSeconds.parse(undefined), config.maxSectionSeconds)
  }
  return { config, problems }
}

/** The settings that differ from their defaults, each with its value written as in config.json, for data health. */
export function changedSettings(config: KioskConfig): Array<{ key: string; value: string }> {
  const defaults = defaultConfig()
  return (Object.keys(configShape) as Array<keyof KioskConfig>).flatMap((key) => {
    const value = JSON.stringify(config[key])
    return value === JSON.stringify(defaults[key]) ? [] : [{ key, value }]
  })
}

/** The part of the config the renderer needs. */
export function readerSettings(config: KioskConfig): ReaderSettings {
  return {
    idleSeconds: config.idleSeconds,
    stillReadingSeconds: config.stillReadingSeconds,
    attractWordsPerMinute: config.attractWordsPerMinute,
    minSectionSeconds: config.minSectionSeconds,
    maxSectionSeconds: config.maxSectionSeconds,
    thankYouSeconds: config.thankYouSeconds,
    language: config.language,
    staffSessionSeconds: config.staffSessionSeconds,
    clinicHours: config.clinicHours
  }
}
