import type { ErrorCode } from '../../../shared/result'

/** Every string the patient sees, in one place so translations (issue 6) replace one object. */
export const messages = {
  appName: 'Health information',
  disclaimer: 'General information, not medical advice. Ask your care team.',
  next: 'Next',
  nextArticle: 'Next topic',
  startAgain: 'Start again',
  previous: 'Back',
  sections: 'Contents',
  sectionsTitle: 'In this topic',
  otherArticles: 'Other topics',
  close: 'Close',
  progress: (current: number, total: number) => `${current} of ${total}`,
  goToSection: (number: number, title: string) => `Go to part ${number}: ${title}`,
  attractHint: 'Touch the screen to read at your own pace',
  stillReadingTitle: 'Still reading?',
  stillReadingBody: (seconds: number) =>
    `This screen will go back to the start in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  stillReadingStay: 'Yes, keep reading',
  loading: 'Loading…',
  errors: {
    'invalid-input': 'Something went wrong. Please try again.',
    'untrusted-sender': 'Something went wrong. Please tell the front desk.',
    'unknown-channel': 'Something went wrong. Please tell the front desk.',
    'content-unavailable': 'The health information is not available right now. Please tell the front desk.',
    internal: 'Something went wrong. Please tell the front desk.'
  } satisfies Record<ErrorCode, string>
}
