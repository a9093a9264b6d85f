import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { CommentScrubber, prepareComment, redact } from '../src/main/feedback/scrub'
import { patternRanges } from '../src/main/feedback/scrub-patterns'
import { type Benchmark, type Measurement, median, percentile, ratio, round } from './result'

/** Issue 13's goal for the p95 of scrubbing a 500-character comment on submit; absolute, so shown, not judged. */
const goalMs = 20
/**
 * The budget: scrubbing's p95 at most this many times the patterns' alone, which is the goal where it was set: 20 ms
 * over the patterns' p95 of about 0.33 ms on the 2-vCPU VM of issue 13, when it was idle.
 */
const budget = 60

/** Comments as long as the kiosk takes (up to 500 characters), with names, numbers and clean text mixed. */
const comments: Record<'en' | 'es', string[]> = {
  en: [
    'I waited forty five minutes but Dr. Smith explained baclofen really well and Nurse Patel was kind to my mum. ' +
      'The pictures of the stretches helped my lower back, though Tizanidine made me dizzy last year. My daughter ' +
      'Emily read it with me, call her on 07700 900461 if you need. Please add more about piriformis syndrome and ' +
      'sciatica, and make the text bigger for older people like me. 10 out of 10 for reception, two tablets three ' +
      'times a day is a lot to remember. Thanks!!',
    'My name is John Carter, I live at 42 Elm Street, Apt 3, and my MRN is 48213. I have had piriformis syndrome ' +
      "for three years and take 10 mg of baclofen twice a day. Parkinson's runs in the family so I worry about " +
      'side effects. The section on stretches was the most useful, the one on surgery less so. Could the kiosk ' +
      'have a bigger font? I read it between 9.30-10.45 while waiting. Call me on oh seven seven double oh nine ' +
      'double one two three four five.',
    'The article was clear and kind. I have sciatica down my left leg and numbness in the buttock when I sit for ' +
      'long. I tried ibuprofen, then Gabapentin, and now Baclofen 5 mg at night. The doctor said to walk every ' +
      'day and I do about 10000 steps. More pictures of the exercises would help, and a page on sleeping ' +
      'positions. The waiting room was busy, about forty minutes today, but reading this passed the time. Thank ' +
      'you to everyone at the front desk.'
  ],
  es: [
    'Esperé cuarenta y cinco minutos, pero el doctor García me explicó muy bien el baclofeno y la enfermera Ruiz ' +
      'fue muy amable con mi madre. Las imágenes de los estiramientos me ayudaron con la espalda, aunque la ' +
      'tizanidina me mareó el año pasado. Mi hija Lucía lo leyó conmigo; su teléfono es 612 34 56 78. Por favor, ' +
      'añadan más sobre el síndrome piriforme y la ciática, y pongan la letra más grande para los mayores. Diez ' +
      'de diez para recepción.',
    'Me llamo Carmen Ortiz y vivo en la Calle Mayor 5, 3º B, 28013 Madrid. Mi número de historia es 55432 y mi ' +
      'DNI 12345678Z. Tengo dolor de cadera desde hace tres años y tomo 10 mg de baclofeno dos veces al día. La ' +
      'parte de los estiramientos fue la más útil. Me llamó la atención lo de la cirugía. Si hace falta, mi ' +
      'teléfono es seis cero cero uno dos tres cuatro cinco seis. Gracias a la Sra. López de recepción por su ' +
      'paciencia.',
    'El texto es claro y amable. Tengo ciática en la pierna izquierda y me duele el glúteo cuando estoy sentada ' +
      'mucho rato. Probé el ibuprofeno, luego la gabapentina y ahora el baclofeno por la noche. La doctora me ' +
      'dijo que caminara cada día y camino unos treinta minutos. Más imágenes de los ejercicios ayudarían, y una ' +
      'página sobre cómo dormir. La sala de espera estaba llena, casi una hora hoy, pero leer esto me ayudó. ' +
      'Gracias a todo el personal.'
  ]
}

/** Repetitive text that patterns with more than one reading of a word take long over (one took minutes once). */
const hostile = [
  'calle ' + 'de la '.repeat(80),
  'Paseo De ' + 'de '.repeat(160),
  '1 ' + 'Elm '.repeat(120),
  'a dot '.repeat(100),
  'maria '.repeat(80) + 'at gmail',
  'the fifth of May '.repeat(30),
  'twenty one '.repeat(45),
  'MRN '.repeat(120),
  'Dr. '.repeat(120),
  'my name is '.repeat(45)
].map((text) => text.slice(0, 500))

/** Loads compromise and es-compromise in a fresh Node process, as main does once, and times each. */
function timeLoading(): { english: number; spanish: number; heapMb: number } {
  const script = `
    const load = require('node:module').createRequire(process.argv[1])
    const heap = process.memoryUsage().heapUsed
    let started = performance.now()
    load('compromise')
    const english = performance.now() - started
    started = performance.now()
    load('es-compromise')
    const spanish = performance.now() - started
    globalThis.gc?.()
    const heapMb = (process.memoryUsage().heapUsed - heap) / 2 ** 20
    process.stdout.write(JSON.stringify({ english, spanish, heapMb }))`
  const output = execFileSync(process.execPath, [
    '--expose-gc',
    '-e',
    script,
    resolve(import.meta.dirname, '../package.json')
  ])
  return JSON.parse(output.toString()) as { english: number; spanish: number; heapMb: number }
}

/** What scrubbing cost before the language library: the patterns alone, on the same text. */
function patternsOnly(text: string): string {
  const prepared = prepareComment(text)
  return redact(prepared, patternRanges(prepared))
}

/**
 * Times each of `runs` over each comment in turn, `rounds` times, after a few untimed rounds. The runs alternate on
 * the same comment, so a burst of other work on the machine falls on the scrubber and its floor alike.
 */
async function timeEach(texts: string[], rounds: number, ...runs: ((text: string) => unknown)[]): Promise<number[][]> {
  for (const text of texts) for (let warm = 0; warm < 5; warm += 1) for (const run of runs) await run(text)
  const times = runs.map((): number[] => [])
  for (let round = 0; round < rounds; round += 1) {
    for (const text of texts) {
      for (const [index, run] of runs.entries()) {
        const started = performance.now()
        await run(text)
        times[index]?.push(performance.now() - started)
      }
    }
  }
  return times
}

/** Benchmark 8: scrubbing a 500-character comment on submit, and loading the language library once. */
const scrubBenchmark: Benchmark = async ({ quick }) => {
  const rounds = quick ? 30 : 200
  const loads = Array.from({ length: quick ? 2 : 5 }, timeLoading)
  const scrubber = new CommentScrubber()
  await scrubber.warmUp()
  const measurements: Measurement[] = []
  for (const language of ['en', 'es'] as const) {
    const texts = comments[language]
    for (const text of texts)
      if (text.length > 500) throw new Error(`a benchmark comment has ${text.length} characters`)
    const [scrub = [], floor = []] = await timeEach(
      texts,
      rounds,
      (text) => scrubber.scrub(text, { language }),
      patternsOnly
    )
    const words = language === 'en' ? 'English' : 'Spanish'
    measurements.push(
      {
        id: `scrub-p50-${language}`,
        label: `Scrub a 500-character ${words} comment, p50`,
        value: round(percentile(scrub, 0.5), 2),
        unit: 'ms',
        budget: null
      },
      ratio({
        id: `scrub-ratio-${language}`,
        label: `Scrub a 500-character ${words} comment ÷ the patterns alone on it, p95`,
        measured: percentile(scrub, 0.95),
        floor: { label: 'patterns alone, p95', value: percentile(floor, 0.95), unit: 'ms' },
        budget,
        places: 1
      }),
      {
        id: `scrub-p95-${language}`,
        label: `Scrub a 500-character ${words} comment, p95 (issue 13's goal: ${goalMs} ms, on an idle machine)`,
        value: round(percentile(scrub, 0.95), 2),
        unit: 'ms',
        budget: null
      }
    )
  }
  const [hostileTimes = []] = await timeEach(hostile, quick ? 3 : 10, (text) => scrubber.scrub(text))
  measurements.push(
    {
      id: 'scrub-hostile-max',
      label: `Slowest of ${hostile.length} repetitive hostile comments of 500 characters`,
      value: round(Math.max(...hostileTimes), 1),
      unit: 'ms',
      budget: null
    },
    {
      id: 'scrub-load-en',
      label: `Loading compromise (English), once, ${loads.length} fresh processes, median`,
      value: round(median(loads.map((load) => load.english))),
      unit: 'ms',
      budget: null
    },
    {
      id: 'scrub-load-es',
      label: `Loading es-compromise (Spanish), once, ${loads.length} fresh processes, median`,
      value: round(median(loads.map((load) => load.spanish))),
      unit: 'ms',
      budget: null
    },
    {
      id: 'scrub-load-heap',
      label: 'Heap the two libraries keep once loaded, median',
      value: round(median(loads.map((load) => load.heapMb))),
      unit: 'MB',
      budget: null
    }
  )
  return {
    number: 8,
    name: 'Scrubbing a comment',
    method:
      `Three English and three Spanish comments of 480-500 characters (the kiosk's limit), each with names, ` +
      `numbers and clean text, are scrubbed by CommentScrubber.scrub as FeedbackService.submit does, ${rounds} ` +
      `times each in turn after five untimed runs, with the language library already loaded (main loads it 10 s ` +
      `after start). The floor is the same text through the patterns alone (what scrubbing cost before the ` +
      `library), timed right after each scrub of the same comment so that both meet the same load; the ratio of ` +
      `the p95s (nearest rank) is what the library adds, and its budget, ${budget}, is issue 13's goal of ${goalMs} ms ` +
      `over the patterns' p95 where the goal was set (about 0.33 ms on the idle 2-vCPU VM). The absolute p95 is ` +
      `shown beside it against the goal, for information: on a busy machine both sides slow down. Loading is timed in ${loads.length} fresh Node processes requiring each library's prebuilt file, ` +
      `as main does once; the heap figure is after a garbage collection. The hostile comments repeat words the ` +
      `patterns could read more than one way ("calle de la de la…", which once took minutes); their slowest run ` +
      `has no budget and is there to show that none is stuck.`,
    measurements
  }
}

export default scrubBenchmark
