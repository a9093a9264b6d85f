/**
 * Staff mode's words in English, apart from the patient's so that they load with staff mode (its own chunk) and
 * never weigh on the patient's screens. `StaffMessages` is this object's type: every language's file must match it.
 */
export const staffEn = {
  staff: {
    title: 'Staff mode',
    done: 'Done',
    /** In place of a staff screen or card that could not be drawn. */
    partFailed: 'This part cannot be shown. The error is in the kiosk log (Data health: recent errors).',
    enterPin: 'Enter the staff PIN',
    createPin: 'Choose a staff PIN (4 to 8 digits)',
    confirmPin: 'Enter the same PIN again',
    mismatch: 'The two PINs were different. Please choose one again.',
    wrong: (tries: number) => `Wrong PIN. ${tries} ${tries === 1 ? 'try' : 'tries'} left before a pause.`,
    locked: (seconds: number) => `Too many wrong PINs. Try again in ${seconds} seconds.`,
    resetRequired: 'The staff PIN needs to be set again by IT (see the README: --set-pin).',
    ok: 'OK',
    erase: 'Delete',
    digit: (digit: string) => `Digit ${digit}`,
    pinEntered: (count: number) => `${count} digits entered`,
    summary: 'Feedback summary',
    total: (count: number) => `${count} ${count === 1 ? 'answer' : 'answers'}`,
    average: (average: number) => `average ${average.toFixed(2)} of 3`,
    smallGroup: (limit: number) => `Fewer than ${limit} answers: only the count is shown, to keep answers anonymous.`,
    ratingShort: { 1: 'Not helpful', 2: 'A little', 3: 'Very helpful' } as Record<1 | 2 | 3, string>,
    trend: 'Last 30 days',
    recentComments: 'Latest comments',
    noFeedback: 'No feedback yet.',
    sections: 'By part',
    exportTitle: 'Export feedback',
    destination: 'Save to',
    noDestinations: 'No USB drive found. Plug one in and tap "Look again".',
    lookAgain: 'Look again',
    pickFolder: 'Choose a folder…',
    format: 'Format',
    formatCsv: 'CSV (Excel)',
    formatJson: 'JSON',
    range: 'Which feedback',
    rangeUnexported: 'Not yet exported',
    rangeAll: 'Everything',
    rangeDates: 'Dates',
    from: 'From',
    to: 'To',
    earlier: 'Earlier',
    later: 'Later',
    exportNow: 'Export',
    exporting: 'Exporting and checking the file…',
    exported: (records: number, file: string, place: string) =>
      `${records} records saved to ${file} on ${place}, and checked.`,
    removeExported: 'Remove exported records from this kiosk',
    confirmRemove: (records: number, place: string) =>
      `Remove these ${records} records from the kiosk? They are safely in the export on ${place}.`,
    remove: 'Yes, remove them',
    keep: 'No, keep them',
    removed: (count: number) => `${count} records removed from the kiosk.`,
    health: 'Data health',
    records: 'Records on this kiosk',
    storeFiles: (count: number, kilobytes: number) => `${count} store files, ${kilobytes} KB`,
    lastExport: 'Last export',
    never: 'never',
    scheduled: 'Scheduled export',
    recovered: 'Damaged files kept aside',
    retention: (days: number, removed: number, waiting: number) =>
      `Records older than ${days} days are removed once exported. Last check: ${removed} removed, ${waiting} waiting for an export.`,
    contentProblems: 'Content problems',
    contentReviews: 'Articles due for clinical review',
    reviewOverdue: (day: string) => `review overdue since ${day}`,
    reviewDueSoon: (day: string) => `review due by ${day}`,
    hiddenFromPatients: 'hidden from patients',
    configProblems: 'Config problems',
    recentErrors: 'Recent errors',
    versions: (app: string, content: string) => `App ${app}, content ${content}`,
    station: 'Station',
    configFile: 'Config file',
    none: 'none',
    actions: 'Kiosk',
    reloadContent: 'Reload content',
    reloaded: (articles: number, problems: number) =>
      `Content read again: ${articles} ${articles === 1 ? 'article' : 'articles'} to show, ${problems} ${problems === 1 ? 'problem' : 'problems'} (see Data health). Patients see any new articles as soon as nobody is reading.`,
    restart: 'Restart the app',
    quit: 'Quit the kiosk',
    dataFolder: 'Data folder',
    dataFolderSource: {
      environment: 'set by KIOSK_DATA_DIR',
      machine: 'the machine-wide folder',
      user: "this account's own folder"
    },
    dataFolderPassedOver: { relative: 'not a full path, not used', 'not-writable': 'not writable here, not used' },
    putBack: (count: number) => `records put back: ${count}`,
    newer: 'From a newer version, untouched',
    leftovers: (count: number) => `unfinished writes removed: ${count}`,
    changedSettings: 'Changed settings',
    notInPlaylist: 'Not in the playlist',
    setupCodeTitle: 'Type the one-time setup code',
    setupCodeWhere: 'No staff PIN yet. IT finds the code in this file on the kiosk PC:',
    wrongCode: (tries: number) => `Wrong setup code. ${tries} ${tries === 1 ? 'try' : 'tries'} left before a pause.`,
    changePin: 'Change the PIN',
    currentPin: 'Enter the current staff PIN',
    newPin: 'Choose a new staff PIN (4 to 8 digits)',
    pinChanged: 'PIN changed. Use the new PIN from now on.',
    backToPanel: 'Back to staff mode',
    uptime: 'Running for',
    runningFor: (days: number, hours: number, minutes: number) =>
      days > 0 ? `${days} d ${hours} h ${minutes} min` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`,
    memory: 'Memory in use',
    megabytes: (megabytes: number) => `${megabytes} MB`,
    diskFree: 'Free space for data',
    gigabytes: (gigabytes: string) => `${gigabytes} GB`,
    lowDisk: 'low: export and remove feedback',
    unknown: 'unknown',
    engagementTitle: 'What patients read',
    engagementNone: "Nothing counted yet: reading is counted from a patient's first touch.",
    engagementSpan: (from: string, to: string) => `Counted per day from ${from} to ${to}; no visit is kept.`,
    visits: (count: number) => `${count} ${count === 1 ? 'visit' : 'visits'}`,
    readToEnd: (percent: number) => `${percent}% read to the last part`,
    wentOnToFeedback: (count: number) => `${count} gave feedback`,
    whereReadersStop: 'Where readers stop: visits that reached each part',
    holdAttention: 'Time spent on each part (views)',
    part: 'Part',
    timeBuckets: ['under 10 s', '10–30 s', '30–90 s', 'over 90 s'] as [string, string, string, string],
    smallVisits: (limit: number) => `Fewer than ${limit} visits: only the count is shown, to keep visits anonymous.`,
    fewViews: 'too few views to show',
    engagementHeld: (days: number, unexported: number) =>
      `${days} ${days === 1 ? 'day' : 'days'} held, ${unexported} not yet exported`,
    withReport: 'Also write report.html',
    exportedFiles: (files: string) => `Also written: ${files}.`,
    statusFile: 'Status file',
    statusWritten: (at: string) => `written ${at} UTC`,
    statusFailing: (problem: string) => `cannot be written (${problem}); trying again every minute`,
    contentOnScreen: 'Articles on screen',
    contentSample:
      "Patients see the sample article, not your clinic's: set contentFolder or install articles from a USB stick (docs/DEPLOYMENT.md, A4).",
    contentKinds: {
      folder: 'from the content folder IT set',
      'last-good-copy': 'the last good copy of the content folder',
      pack: 'installed from a USB stick',
      bundled: 'the sample articles that came with the app'
    },
    contentReasons: {
      'folder-read': 'the folder was read',
      'copy-failed': 'no copy could be kept, so the folder is read directly',
      'folder-away': 'the content folder cannot be reached',
      'folder-empty': 'the content folder has no valid article',
      installed: 'installed in staff mode',
      'no-content': 'this kiosk has no articles of its own yet',
      'folder-away-no-copy': 'the content folder cannot be reached and there is no copy of it yet'
    },
    contentSince: (time: string) => `since ${time}`,
    contentWaiting: 'Newer articles are ready; they go on screen when nobody is reading.',
    contentKept: (titles: string) => `Kept at their last good version: ${titles}`,
    updateArticles: 'Update articles'
  },
  /** Staff's "Update articles": a USB stick's content, checked, previewed, installed and undone. */
  update: {
    title: 'Update articles from a USB stick',
    back: 'Back to staff mode',
    itWins: (folder: string) =>
      `IT set a content folder for this kiosk (${folder}). It always wins, so articles cannot be installed here. Ask IT to change the articles in that folder.`,
    noStick: 'No USB stick found. Plug in a stick with a content folder, then look again.',
    lookAgain: 'Look again',
    read: (label: string) => `Read ${label}`,
    reading: 'Reading and checking the articles…',
    onStick: (drive: string, folder: string) => `On ${drive} (${folder})`,
    change: { new: 'New', changed: 'Changed', unchanged: 'Same as on screen' },
    reviewed: (reviewed: string, next: string) => `Reviewed ${reviewed}, next review ${next}`,
    reviewOverdue: 'review overdue',
    grade: (grade: number | null, words: number) => `${words} words, reading grade ${grade ?? '–'}`,
    gradeTarget: (target: number) =>
      `Sections above reading grade ${target} are marked. They may be hard for many patients.`,
    aboveTarget: '(hard to read)',
    preview: 'Preview',
    replacesAll:
      'Install replaces every article on screen with the articles on this stick: an article on screen that the stick does not hold leaves the screen. Undo brings the previous articles back.',
    removed: 'Taken off the screen if you install',
    problems: 'Problems (these files are not installed)',
    noProblems: 'No problems found.',
    install: 'Install these articles',
    installing: 'Installing…',
    blocked: {
      'content-folder': 'Articles cannot be installed: IT set a content folder for this kiosk.',
      'nothing-valid':
        'Nothing can be installed: the stick has no valid article. Fix the problems below, then read it again.',
      'nothing-to-show':
        "Nothing can be installed: no valid article on the stick is in the kiosk's language and playlist."
    },
    installed: 'Installed. Patients see the new articles as soon as nobody is reading. The previous articles are kept.',
    undo: 'Undo the last install',
    undone: 'Undone. The previous articles are back on screen as soon as nobody is reading.',
    previewBand: 'Preview — not yet on the kiosk',
    previewFeedbackBand: 'Preview — feedback given here is not saved',
    closePreview: 'Close the preview',
    failed: 'The articles could not be read or installed. Nothing on screen changed; please try again.',
    tooLarge:
      'The articles and pictures on the stick are more than the kiosk installs at once. Nothing on screen changed. ' +
      'Leave out articles or pictures, or save the pictures smaller, then read the stick again.',
    noRoom:
      "The kiosk's disk has too little free space for these articles: it keeps space free for feedback. Nothing on " +
      "screen changed. Ask IT to free space on the kiosk's disk."
  }
}

/** The shape every language's staff words have. */
export type StaffMessages = typeof staffEn
