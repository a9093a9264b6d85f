import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importArticle } from '../../../../src/main/content/importers/import-article'
import { importHtml } from '../../../../src/main/content/importers/html-importer'
import { bodyMarkdown } from '../../../../src/main/content/importers/kiosk-markdown'
import type { Article } from '../../../../src/shared/domain'
import { articleTexts, fillIn, parseDraft, words } from '../../support/drafts'

const fixtures = resolve(import.meta.dirname, '../../../fixtures/import')

// Generous: the first import loads the extraction libraries, which takes seconds on a busy two-core machine.
describe('importing saved web pages', { timeout: 60_000 }, () => {
  let out: string
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'kiosk-import-html-'))
  })
  afterEach(async () => {
    await rm(out, { recursive: true, force: true })
  })

  /** Imports a fixture page and reads the draft back as the kiosk would, once the author has filled it in. */
  async function importPage(name: string): Promise<{ article: Article; file: string; text: string }> {
    const draft = await importArticle(join(fixtures, name), out, '2026-12-03')
    const outcome = await parseDraft(draft.file, fillIn)
    expect(outcome.problems).toEqual([])
    if (!outcome.article) throw new Error('the filled-in draft did not parse')
    return { article: outcome.article, file: draft.file, text: await readFile(draft.file, 'utf8') }
  }

  function expectKept(article: Article, expected: Record<string, string[]>) {
    expect(article.sections.map((section) => section.title)).toEqual(Object.keys(expected))
    for (const section of article.sections) {
      const texts = articleTexts({ ...article, sections: [section] }).slice(1)
      expect(texts.map(words)).toEqual(expected[section.title])
    }
  }

  function expectNone(text: string, clutter: string[]) {
    for (const phrase of clutter) expect(text).not.toContain(phrase)
  }

  it('keeps every sentence of a hospital page, its sections and sub-sections, and none of the page around it', async () => {
    const { article, text } = await importPage('hospital-page.html')
    expect([article.title, article.language, article.id]).toEqual(['Sprained ankle', 'en', 'sprained-ankle'])
    expect(article.summary).toBe(
      'How to look after a sprained ankle at home, how long it takes to heal, and when to get medical help.'
    )
    expect(article.source).toContain(
      'the web page https://www.example-hospital.nhs.test/conditions/sprained-ankle/ (saved as hospital-page.html) on 2026-12-03'
    )
    expectKept(article, {
      Introduction: [
        'A sprained ankle happens when the tough bands that hold the ankle bones together are stretched or torn. Most sprains get better on their own within a few weeks.'
      ],
      'Check if you have a sprained ankle': [
        'Your ankle may be sprained if, after a twist or a fall:',
        'it hurts when you put weight on it',
        'it is swollen or bruised',
        'you cannot move it as well as usual',
        'The pain is often worst in the first two days. Bruising can spread down towards the toes over the next week.'
      ],
      'How to look after a sprained ankle at home': [
        'For the first two to three days, follow these steps to bring down the swelling and ease the pain.',
        'Rest and protect it',
        'Stop the activity that caused the injury. Use a walking stick or crutches if it hurts to walk, but try to move the ankle gently so it does not get stiff.',
        'Cool it down',
        'Hold an ice pack, or a bag of frozen peas wrapped in a tea towel, on the ankle for up to 20 minutes every two to three hours. Never put ice straight onto your skin.',
        'Raise it',
        'Keep your foot up on a pillow when you are sitting or lying down. It helps if the ankle is higher than your heart.',
        'You can take paracetamol to ease the pain. Ask a pharmacist which painkiller is right for you.'
      ],
      'Go to an urgent treatment centre or A&E if:': [
        'you heard a crack when you were injured',
        'your ankle is badly misshapen',
        'you cannot stand or walk at all',
        'your foot is numb, cold or turning blue',
        'These can be signs of a broken bone.'
      ],
      'How long a sprained ankle takes to heal': [
        'Most people can walk normally again after two to three weeks. A bad sprain can take several months to heal completely.',
        'To avoid hurting your ankle again, build up your activity slowly and wear shoes that support your ankles.'
      ]
    })
    expectNone(text, [
      'Skip to main content',
      'Cookies on the Riverside website',
      'analytics cookies',
      'Health A to Z',
      'Visiting the hospital',
      'Share this page',
      'Facebook',
      'Print this page',
      'Related conditions',
      'Broken ankle',
      'frozen peas trick',
      'Leave a comment',
      'Reply',
      'Get the Riverside health app',
      'Advertisement',
      'running shoes',
      'Is this page useful',
      'Accessibility statement',
      '© Riverside'
    ])
    // The page's own review dates are not article text, but they are offered where the author fills in the dates.
    expect(text).toMatch(
      /^reviewed: YYYY-MM-DD # TO FILL IN: .*\(the source said: Page last reviewed: 12 March 2026; Next review due: 12 March 2029\)$/m
    )
    expect(articleTexts(article).join(' ')).not.toContain('last reviewed')
  })

  it('keeps a WordPress post and leaves out its ads, sharing, related posts, comments, widgets and cookie bar', async () => {
    const { article, text } = await importPage('blog-post.html')
    expect([article.title, article.language]).toEqual(['5 Ways to Sleep Better When You Have Back Pain', 'en'])
    expect(article.source).toContain('https://healthyspine.example.test/2026/02/sleep-better-back-pain/')
    expectKept(article, {
      Introduction: [
        'Back pain and poor sleep often go together. Pain can wake you up at night, and a bad night makes the pain feel worse the next day. The good news is that small changes can help you rest more comfortably.'
      ],
      '1. Find a position that takes the pressure off': [
        'If you sleep on your side, bend your knees a little and put a pillow between them. This keeps your hips, pelvis and spine in line. If you sleep on your back, a pillow under your knees can ease the strain on your lower back.',
        'Try not to sleep on your stomach. It can twist your neck and flatten the natural curve of your back.'
      ],
      '2. Check your mattress': [
        'A mattress that sags in the middle can make back pain worse. A medium-firm mattress suits most people, but the best one is the one that feels comfortable to you.'
      ],
      '3. Keep a regular bedtime': [
        'Going to bed and getting up at the same time every day helps your body know when to sleep. Avoid screens for an hour before bed, and keep your bedroom cool, dark and quiet.'
      ],
      '4. Move a little during the day': [
        'Gentle activity, such as walking or swimming, keeps your back from getting stiff. People who stay active usually sleep better, too.',
        'Take a short walk after each meal.',
        'Stand up and stretch every half hour if you sit at a desk.',
        'Ask your physiotherapist for exercises you can do at home.'
      ],
      '5. Talk to your doctor about pain at night': [
        'If pain keeps waking you up, or if it is worse when you lie down, tell your doctor. Pain at night can sometimes be a sign of a problem that needs to be checked.',
        'Sleep well, and be kind to your back!'
      ]
    })
    expectNone(text, [
      'Skip to content',
      'Living well with back and neck pain',
      'About me',
      'Posted on',
      'Jo Harper',
      'Sponsored',
      'CloudRest',
      'Share this:',
      'Pinterest',
      'Six desk stretches',
      'Posted in',
      'Tagged',
      'Post navigation',
      'Walking safely in winter',
      'thoughts on',
      'changed my life',
      'Which mattress brand',
      'Leave a Reply',
      'Recent Posts',
      'Join my newsletter',
      'Proudly powered by WordPress',
      'uses cookies'
    ])
  })

  it('copies pictures saved with the page, keeps their descriptions, and leaves out pictures on the web with a note', async () => {
    const { article, text } = await importPage('hand-washing.html')
    expect([article.title, article.language]).toEqual(['How to wash your hands', 'en'])
    const washing = article.sections.find((section) => section.title === 'How to wash them well')
    expect(washing?.blocks).toContainEqual({
      type: 'image',
      src: 'images/soap-lather.png',
      alt: 'Two hands rubbed together under soap bubbles'
    })
    expect(await readdir(join(out, 'images'))).toEqual(['soap-lather.png'])
    expect(await readFile(join(out, 'images', 'soap-lather.png'))).toEqual(
      await readFile(join(fixtures, 'hand-washing_files', 'soap-lather.png'))
    )
    // The caption is article text; the link keeps its words only.
    expect(articleTexts(article)).toEqual(
      expect.arrayContaining([
        'Rub every part of your hands, including your thumbs.',
        'Rinse your hands and dry them with a clean towel. Read our advice about hand gel if you cannot get to a sink.'
      ])
    )
    expect(text).not.toContain('](http')
    expect(text).not.toContain('clinic-logo')
    expect(article.source).toContain(
      'The picture "A hand towel hanging on a rail" is on the web (https://cdn.greenfield-clinic.example.test/images/towel-dry.jpg) and was left out'
    )
    expectNone(text, ['Patient login', 'Book an appointment', 'Opening hours', 'WhatsApp', '12 Station Road'])
  })

  it('imports a Spanish page in Spanish, with a Spanish heading over its opening text and no clutter', async () => {
    const { article, text } = await importPage('gripe-pagina.html')
    expect([article.title, article.language]).toEqual(['La gripe: cómo cuidarse en casa', 'es'])
    expectKept(article, {
      Introducción: [
        'La gripe es una infección causada por un virus. Produce fiebre, dolor de cabeza, dolor muscular, tos y mucho cansancio. La mayoría de las personas se recupera en una o dos semanas sin necesidad de antibióticos.'
      ],
      '¿Cómo se contagia?': [
        'El virus pasa de una persona a otra por las gotitas que salen al toser, estornudar o hablar. También puede llegar a las manos cuando se tocan superficies con el virus.',
        'Lávese las manos a menudo y cúbrase la boca con el codo al toser.'
      ],
      'Qué puede hacer en casa': [
        'Descanse y quédese en casa hasta que no tenga fiebre.',
        'Beba mucha agua, caldos o zumos.',
        'Tome paracetamol si tiene fiebre o dolor, siguiendo las instrucciones del envase.',
        'Los antibióticos no sirven contra la gripe, porque la causa un virus y no una bacteria.'
      ],
      'Cuándo pedir ayuda': [
        'Llame al centro de salud o al 112 si le cuesta respirar, si tiene dolor en el pecho, o si la fiebre dura más de tres días. Pida ayuda también si es mayor de 65 años, está embarazada o tiene una enfermedad crónica y se encuentra peor.'
      ]
    })
    expectNone(text, [
      'Utilizamos cookies',
      'Aceptar todas',
      'Pedir cita',
      'Temas de salud',
      'Compartir',
      'Correo electrónico',
      'Artículos relacionados',
      'El resfriado común',
      'Comentarios',
      'campaña de vacunación',
      'Aviso legal',
      'Calle Mayor'
    ])
    expect(text).toContain('(the source said: Publicado el 14 de enero de 2026)')
  })

  it('tells the language from the text when the page does not say', async () => {
    const page = (await readFile(join(fixtures, 'gripe-pagina.html'), 'utf8')).replace(' lang="es-ES"', '')
    expect(importHtml(Buffer.from(page), join(fixtures, 'gripe-pagina.html')).language).toBe('es')
  })

  it('uses the language of the page without its region, as the kiosk matches languages exactly', () => {
    const page = '<html lang="en-GB"><body><article><h1>Cold sores</h1><p>Cold sores are common and usually clear up without treatment within 10 days.</p></article></body></html>'
    expect(importHtml(Buffer.from(page), join(out, 'cold-sores.html')).language).toBe('en')
  })

  it('keeps the article of a page that wraps everything in one form, as ASP.NET sites do', () => {
    const page =
      '<html lang="en"><body><form id="aspnetForm" action="default.aspx"><nav><a href="/">Home</a></nav><div class="content"><h1>Blood Tests</h1><h2>Before your test</h2><p>You may be asked not to eat for up to 12 hours before some blood tests. You can drink water.</p><h2>After your test</h2><p>Press on the small wound for a few minutes to stop bruising.</p></div></form></body></html>'
    const article = importHtml(Buffer.from(page), join(out, 'blood-tests.html'))
    expect(bodyMarkdown(article.body)).toBe(
      '## Before your test\n\nYou may be asked not to eat for up to 12 hours before some blood tests. You can drink water.\n\n## After your test\n\nPress on the small wound for a few minutes to stop bruising.\n'
    )
    expect(article.title).toBe('Blood Tests')
  })

  it('refuses a page with no article text rather than write an empty draft', async () => {
    await writeFile(join(out, 'blank.html'), '<html lang="en"><body><nav><a href="/">Home</a></nav></body></html>')
    await expect(importArticle(join(out, 'blank.html'), out, '2026-12-03')).rejects.toThrow(
      'blank.html has no article text to import'
    )
    expect(await readdir(out)).toEqual(['blank.html'])
  })

  it('leaves a picture that was not saved with the page out, saying how to keep it', () => {
    const page =
      '<html lang="en"><body><article><h1>Stretches</h1><h2>Hip stretch</h2><p>Lie on your back and pull one knee towards your chest, then hold it there for thirty seconds.</p><p><img src="stretches_files/hip.png" alt="A hip stretch"></p></article></body></html>'
    const article = importHtml(Buffer.from(page), join(out, 'stretches.html'))
    expect(article.images).toEqual([])
    expect(article.notes.join(' ')).toContain('The picture "A hip stretch" was not saved with the page')
  })
})
