import type { ErrorCode } from '../../../../shared/result'

/**
 * Every string of the interface in English: the reference every other language's file must match key for key
 * (`Messages` is this object's type, so a missing or extra key fails the typecheck).
 */
export const en = {
  /** This language's name in itself, as the language picker shows it. */
  ownName: 'English',
  /** Languages' names in this language, for the note on an untranslated article. */
  languageNames: { en: 'English', es: 'Spanish' } as Record<string, string>,
  appName: 'Health information',
  disclaimer: 'General information, not medical advice. Ask your care team.',
  next: 'Next',
  nextArticle: 'Next topic',
  startAgain: 'Start again',
  previous: 'Back',
  sections: 'Contents',
  sectionsTitle: 'In this topic',
  parts: 'Parts of this topic',
  navigation: 'Page turning',
  otherArticles: 'Other topics',
  close: 'Close',
  /** In place of a part of the screen that could not be drawn; the rest of the screen still works. */
  partFailed: 'This part cannot be shown.',
  progress: (current: number, total: number) => `${current} of ${total}`,
  goToSection: (number: number, title: string) => `Go to part ${number}: ${title}`,
  attractHint: 'Touch the screen to read at your own pace',
  titleCardInvitation: 'Touch the screen to start reading',
  /** On the title card, in this language's own words, for a patient who reads it better than the one on screen. */
  readInLanguage: 'Read in English',
  stillReadingTitle: 'Still reading?',
  stillReadingBody: (seconds: number) =>
    `This screen will go back to the start in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  stillReadingStay: 'Yes, keep reading',
  loading: 'Loading…',
  untranslated: (language: string) => `This topic is only available in ${language} for now.`,
  listen: 'Listen',
  stopListening: 'Stop',
  settings: 'Text and language',
  settingsTitle: 'Make it easier to read',
  language: 'Language',
  textSize: 'Text size',
  textSizes: { standard: 'Normal', large: 'Large', largest: 'Largest' },
  colours: 'Colours',
  contrastStandard: 'Standard',
  contrastHigh: 'High contrast',
  settingsDone: 'Done',
  settingsResetNote: 'These go back to normal for the next person.',
  resting: 'The clinic is closed. Touch the screen to wake it.',
  giveFeedback: 'Give feedback',
  /** Beside an article's QR code, which opens the clinic's page on the patient's phone (the kiosk never does). */
  takeHome: 'Scan to read this at home',
  /** What a screen reader says of the QR code: the address it holds. */
  takeHomeCode: (link: string) => `QR code for ${link}`,
  wasThisHelpful: 'Was this helpful?',
  ratingWords: { 1: 'Not helpful', 2: 'A little', 3: 'Very helpful' } as Record<1 | 2 | 3, string>,
  cancel: 'Cancel',
  commentQuestion: 'What could be better?',
  commentOptional: 'You can skip this.',
  commentHint: "Please don't include names or other personal details.",
  commentPlaceholder: 'Type with the keys below',
  characterCount: (used: number, limit: number) => `${used} of ${limit} characters`,
  skip: 'Skip',
  sendNow: 'Send',
  partQuestion: 'Which part helped most?',
  partSkip: 'Skip and send',
  sending: 'Sending…',
  thanksTitle: 'Thank you!',
  thanksBody: 'Your feedback helps us improve this information.',
  backToReading: 'Back to reading',
  alreadyTitle: 'Thank you, we already have your feedback',
  alreadyBody: 'Each visit can give feedback once.',
  keys: { bksp: '⌫ Delete', shift: '⇧ Shift', space: 'Space', done: 'Done' },
  /** The front desk's notice: its label on patients' screens, and the card staff set it from. */
  noticeFrom: 'From the front desk:',
  noticeBoard: {
    title: 'Notice for patients',
    none: 'No notice is showing.',
    showing: (until: string) => `Showing on every patient screen until ${until}:`,
    write: 'Write a notice',
    change: 'Change it',
    takeDown: 'Take it down',
    hint: 'Shown at the top of every patient screen until it ends. No names or other personal details.',
    placeholder: 'Type with the keys below, for example: The clinic is running about 20 minutes late',
    howLong: 'How long',
    untilWords: (words: string) => `Until ${words}`,
    forMinutes: (minutes: number) =>
      minutes < 60 ? `For ${minutes} minutes` : `For ${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`,
    atTime: (time: string) => `${time}`,
    clinicCloses: (time: string) => `${time}, when the clinic closes`,
    endOfDay: 'the end of the day',
    show: 'Put it up',
    failed: 'The notice could not be put up. Check the end time and try again.'
  },
  errors: {
    'invalid-input': 'Something went wrong. Please try again.',
    'untrusted-sender': 'Something went wrong. Please tell the front desk.',
    'unknown-channel': 'Something went wrong. Please tell the front desk.',
    'content-unavailable': 'The health information is not available right now. Please tell the front desk.',
    'too-soon': 'Thank you. Feedback was just sent from this screen; please try again in a moment.',
    'storage-failed': 'Sorry, your feedback could not be saved. Please try again, or tell the front desk.',
    'staff-locked': 'Staff mode has closed. Please unlock it again.',
    'not-available': 'That is not available on this kiosk.',
    'nothing-to-export': 'There is no feedback to export in that range.',
    'folder-missing': 'The drive or folder is not there. Check that the USB stick is plugged in, then try again.',
    'folder-read-only':
      'The drive or folder cannot be written to (it may be locked or read-only). Nothing was removed.',
    'disk-full': 'The drive is full. Free some space or use another drive. Nothing was removed.',
    'too-large': 'That is more than the kiosk takes at once. Nothing was changed.',
    'verify-failed':
      'The export could not be checked after writing (was the drive removed?). Nothing was removed; please try again.',
    'write-failed': 'Writing the export failed. Nothing was removed; please try again or use another drive.',
    internal: 'Something went wrong. Please tell the front desk.'
  } satisfies Record<ErrorCode, string>
}

/** The shape every language's messages have. */
export type Messages = typeof en
