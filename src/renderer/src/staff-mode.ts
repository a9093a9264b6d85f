/**
 * Everything only staff use, in a chunk of its own that the app loads when it has nothing else to do (or when the
 * staff gesture is made first), so patients' screens never wait for it and the patient bundle stays small.
 */
export { StaffSession } from './lib/state/staff-session.svelte'
export { default as StaffPanel } from './screens/StaffPanel.svelte'
export { default as StaffUnlock } from './screens/StaffUnlock.svelte'
export { staffMessagesFor } from './lib/i18n/staff'
