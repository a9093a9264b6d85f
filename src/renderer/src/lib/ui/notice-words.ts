import type { Messages } from '../i18n'
import type { EndLabel } from '../notice-times'

/** A notice's end time in staff's words: "6:30 PM, when the clinic closes", "the end of the day", or a time. */
export function endWords(label: EndLabel, messages: Messages, language: string): string {
  const time = (date: Date) => new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(date)
  switch (label.kind) {
    case 'end-of-day':
      return messages.noticeBoard.endOfDay
    case 'clinic-closes':
      return messages.noticeBoard.clinicCloses(time(label.time))
    case 'at':
      return messages.noticeBoard.atTime(time(label.time))
  }
}
