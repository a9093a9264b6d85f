import { contentFolders, currentSection, expect, test, touchStroke } from './kiosk-fixture'

test.describe('reader', () => {
  test('shows the article title, the first section, progress and the disclaimer', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('article-title')).toHaveText(
      'Baclofen for Piriformis Syndrome: Can It Provide Relief?'
    )
    await expect(kiosk.getByRole('heading', { level: 2, name: 'Understanding Piriformis Syndrome' })).toBeVisible()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('1 of 6')
    await expect(kiosk.getByText('General information, not medical advice. Ask your care team.')).toBeVisible()
  })

  test('next and previous buttons move one section on a tap', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('previous-button')).toBeHidden()
    await kiosk.getByTestId('next-button').tap()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('2 of 6')
    expect(await currentSection(kiosk)).toBe('baclofen-an-overview')
    await kiosk.getByTestId('previous-button').tap()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('1 of 6')
  })

  test('a swipe left shows the next section and a swipe right the previous one', async ({ kiosk }) => {
    await touchStroke(kiosk, { x: 1300, y: 500 }, { x: 700, y: 510 })
    await expect(kiosk.getByTestId('progress-count')).toHaveText('2 of 6')
    await touchStroke(kiosk, { x: 1300, y: 500 }, { x: 700, y: 510 })
    await expect(kiosk.getByTestId('progress-count')).toHaveText('3 of 6')
    await touchStroke(kiosk, { x: 700, y: 500 }, { x: 1300, y: 490 })
    await expect(kiosk.getByTestId('progress-count')).toHaveText('2 of 6')
  })

  test('a tap on the text does not turn the page', async ({ kiosk }) => {
    await kiosk.getByTestId('section-viewport').tap({ position: { x: 900, y: 300 } })
    await touchStroke(kiosk, { x: 900, y: 400 }, { x: 906, y: 403 }, { steps: 2, milliseconds: 60 })
    await kiosk.waitForTimeout(300)
    await expect(kiosk.getByTestId('progress-count')).toHaveText('1 of 6')
  })

  test('a long section scrolls by touch without turning the page', async ({ kiosk }) => {
    await kiosk.getByTestId('progress-count').waitFor()
    await kiosk.getByRole('button', { name: /Go to part 5/ }).tap()
    const viewport = kiosk.getByTestId('section-viewport')
    await expect(viewport).toHaveJSProperty('scrollTop', 0)
    const scrollable = await viewport.evaluate((element) => element.scrollHeight > element.clientHeight)
    expect(scrollable).toBe(true)
    await touchStroke(kiosk, { x: 960, y: 800 }, { x: 930, y: 350 }, { steps: 15, milliseconds: 400 })
    await expect.poll(() => viewport.evaluate((element) => element.scrollTop)).toBeGreaterThan(100)
    await expect(kiosk.getByTestId('progress-count')).toHaveText('5 of 6')
  })

  test('tapping a dot jumps to that section', async ({ kiosk }) => {
    await kiosk.getByRole('button', { name: 'Go to part 4: Potential Side Effects of Baclofen' }).tap()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('4 of 6')
    await expect(kiosk.getByRole('heading', { level: 2, name: 'Potential Side Effects of Baclofen' })).toBeVisible()
  })

  test('the section list opens in one tap and jumps to the chosen section', async ({ kiosk }) => {
    await kiosk.getByTestId('open-section-list').tap()
    const list = kiosk.getByTestId('section-list')
    await expect(list).toBeVisible()
    await expect(list.getByRole('button', { name: /Understanding Piriformis Syndrome/ })).toHaveAttribute(
      'aria-current',
      'step'
    )
    await list.getByRole('button', { name: /Conclusion/ }).tap()
    await expect(list).toBeHidden()
    await expect(kiosk.getByTestId('progress-count')).toHaveText('6 of 6')
    await expect(kiosk.getByTestId('next-button')).toHaveText('Start again')
  })
})

test.describe('reader with a playlist', () => {
  test.use({
    harnessOptions: { contentFolder: contentFolders.playlist, config: { playlist: ['hand-washing', 'drinking-water'] } }
  })

  test('follows the configured order and moves into the next article at the end of one', async ({ kiosk }) => {
    await expect(kiosk.getByTestId('article-title')).toHaveText('Washing Your Hands')
    await kiosk.getByTestId('next-button').tap()
    await expect(kiosk.getByTestId('next-button')).toHaveText('Next topic')
    await kiosk.getByTestId('next-button').tap()
    await expect(kiosk.getByTestId('article-title')).toHaveText('Drinking Enough Water')
    await expect(kiosk.getByTestId('progress-count')).toHaveText('1 of 2')
  })

  test('the section list offers the other articles', async ({ kiosk }) => {
    await kiosk.getByTestId('open-section-list').tap()
    await kiosk.getByTestId('section-list').getByRole('button', { name: 'Drinking Enough Water' }).tap()
    await expect(kiosk.getByTestId('article-title')).toHaveText('Drinking Enough Water')
  })

  test('shows article images from the content folder, as pictures that cannot be dragged', async ({ kiosk }) => {
    await kiosk.getByTestId('next-button').tap()
    await kiosk.getByTestId('previous-button').tap()
    const image = kiosk.getByRole('img', { name: 'Hands under running water' })
    await expect(image).toBeVisible()
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0)
    expect(await image.getAttribute('draggable')).toBe('false')
    const dragPrevented = await image.evaluate((element) => {
      const event = new DragEvent('dragstart', { bubbles: true, cancelable: true })
      element.dispatchEvent(event)
      return event.defaultPrevented
    })
    expect(dragPrevented).toBe(true)
  })
})
