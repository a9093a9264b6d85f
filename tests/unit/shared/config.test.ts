import { describe, expect, it } from 'vitest'
import { changedSettings, configShape, defaultConfig, parseConfig, readerSettings } from '../../../src/shared/config'

describe('config', () => {
  it('has a default for every key', () => {
    expect(Object.keys(defaultConfig()).sort()).toEqual(Object.keys(configShape).sort())
    expect(defaultConfig()).toMatchObject({
      idleSeconds: 60,
      stillReadingSeconds: 10,
      contentFolder: null,
      language: 'en'
    })
  })

  it('accepts a complete valid config as it is', () => {
    const raw = {
      contentFolder: 'D:\\KioskContent',
      language: 'es',
      playlist: ['a', 'b'],
      hideArticlesPastReview: true,
      idleSeconds: 90,
      stillReadingSeconds: 15,
      attractWordsPerMinute: 120,
      minSectionSeconds: 5,
      maxSectionSeconds: 30,
      stationLabel: 'Clinic B, room 2',
      feedbackTimeRoundingMinutes: 30,
      feedbackMinimumGapSeconds: 10,
      thankYouSeconds: 8,
      exportFolder: '\\\\clinic-server\\kiosk-exports',
      scheduledExport: { folder: 'E:\\', time: '18:30', format: 'json', report: true },
      retentionDays: 180,
      staffSessionSeconds: 300,
      softRestartTime: null,
      autoStart: false,
      clinicHours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '18:30' },
      display: 2,
      statusFolder: '\\\\clinic-server\\kiosk-status',
      contentRetryMinutes: 10
    }
    expect(parseConfig(raw)).toEqual({ config: raw, problems: [] })
  })

  it.each([
    ['idleSeconds', 'sixty'],
    ['idleSeconds', 1],
    ['idleSeconds', 2.5],
    ['stillReadingSeconds', 0],
    ['attractWordsPerMinute', 5000],
    ['language', 'English'],
    ['playlist', 'one-article'],
    ['hideArticlesPastReview', 'yes'],
    ['contentFolder', ''],
    ['contentFolder', 'KioskContent'],
    ['stationLabel', ''],
    ['stationLabel', 'Room\u00072'],
    ['feedbackTimeRoundingMinutes', 5],
    ['feedbackMinimumGapSeconds', -1],
    ['thankYouSeconds', 0],
    ['exportFolder', 'exports'],
    ['statusFolder', 'status'],
    ['scheduledExport', { folder: 'E:\\', time: '7pm' }],
    ['scheduledExport', { folder: 'E:\\', time: '19:00', extra: 1 }],
    ['retentionDays', 7],
    ['staffSessionSeconds', 5],
    ['softRestartTime', '3am'],
    ['autoStart', 'yes'],
    ['clinicHours', { days: [1], open: '18:00', close: '08:00' }],
    ['clinicHours', { days: [9], open: '08:00', close: '18:00' }],
    ['contentRetryMinutes', 0],
    ['contentRetryMinutes', 'often']
  ])('falls back to the default for %s = %j and names the key', (key, value) => {
    const { config, problems } = parseConfig({ [key]: value, idleSeconds: key === 'idleSeconds' ? value : 45 })
    expect(config[key as keyof typeof config]).toEqual(defaultConfig()[key as keyof typeof config])
    expect(problems).toHaveLength(1)
    expect(problems[0]?.key).toBe(key)
  })

  it('keeps the good keys when one is wrong', () => {
    const { config } = parseConfig({ idleSeconds: 'soon', maxSectionSeconds: 20 })
    expect(config.maxSectionSeconds).toBe(20)
  })

  it('reports unknown keys and ignores them', () => {
    const { config, problems } = parseConfig({ idelSeconds: 30 })
    expect(problems).toEqual([{ key: 'idelSeconds', message: 'unknown key, ignored' }])
    expect(config).toEqual(defaultConfig())
  })

  it('refuses a file that is not an object', () => {
    expect(parseConfig([1, 2]).problems).toEqual([{ key: '(file)', message: 'the config must be a JSON object' }])
    expect(parseConfig(null).config).toEqual(defaultConfig())
  })

  it('keeps the still-reading countdown shorter than the idle time', () => {
    const { config, problems } = parseConfig({ idleSeconds: 5, stillReadingSeconds: 10 })
    expect(config.stillReadingSeconds).toBe(4)
    expect(problems[0]?.key).toBe('stillReadingSeconds')
  })

  it('keeps the shortest section time within the longest', () => {
    const { config, problems } = parseConfig({ minSectionSeconds: 50, maxSectionSeconds: 6 })
    expect(config.minSectionSeconds).toBe(6)
    expect(problems[0]?.key).toBe('minSectionSeconds')
  })

  it('lists every setting that is not at its default, with its value as config.json writes it', () => {
    expect(changedSettings(defaultConfig())).toEqual([])
    const { config } = parseConfig({
      contentFolder: 'C:/KioskContent',
      playlist: ['knee-pain'],
      idleSeconds: 60,
      autoStart: false,
      clinicHours: { days: [1, 2], open: '08:00', close: '18:00' }
    })
    expect(changedSettings(config)).toEqual([
      { key: 'contentFolder', value: '"C:/KioskContent"' },
      { key: 'playlist', value: '["knee-pain"]' },
      { key: 'clinicHours', value: '{"days":[1,2],"open":"08:00","close":"18:00"}' },
      { key: 'autoStart', value: 'false' }
    ])
  })

  it('gives the renderer only the reading settings', () => {
    expect(Object.keys(readerSettings(defaultConfig())).sort()).toEqual([
      'attractWordsPerMinute',
      'clinicHours',
      'idleSeconds',
      'language',
      'maxSectionSeconds',
      'minSectionSeconds',
      'staffSessionSeconds',
      'stillReadingSeconds',
      'thankYouSeconds'
    ])
  })
})

describe('the display key', () => {
  it('takes null, a display number counted from the left, or a display name', () => {
    expect(defaultConfig().display).toBeNull()
    expect(parseConfig({ display: 2 })).toMatchObject({ config: { display: 2 }, problems: [] })
    expect(parseConfig({ display: ' DELL P2418HT ' })).toMatchObject({
      config: { display: 'DELL P2418HT' },
      problems: []
    })
  })

  it.each([0, 1.5, '', '   ', true, [1]])('refuses %j with a message saying what it takes', (value) => {
    const { config, problems } = parseConfig({ display: value })
    expect(config.display).toBeNull()
    expect(problems).toEqual([
      {
        key: 'display',
        message:
          'must be null, a display number counted from the left (1, 2, …) or the display\'s name, such as "DELL P2418HT"'
      }
    ])
  })
})

describe('README', () => {
  it('documents every config key', async () => {
    const { readFileSync } = await import('node:fs')
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    const documented = [...readme.matchAll(/^\| `(\w+)`\s+\|/gm)].map((match) => match[1])
    expect(documented.sort()).toEqual(Object.keys(configShape).sort())
  })
})
