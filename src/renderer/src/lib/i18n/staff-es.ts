import type { StaffMessages } from './staff-en'

/** Staff mode's words in Spanish, loaded with staff mode as the English ones are. */
export const staffEs: StaffMessages = {
  staff: {
    title: 'Modo del personal',
    done: 'Terminar',
    partFailed:
      'Esta parte no se puede mostrar. El error está en el registro del quiosco (Estado de los datos: errores recientes).',
    enterPin: 'Escriba el PIN del personal',
    createPin: 'Elija un PIN del personal (de 4 a 8 cifras)',
    confirmPin: 'Escriba el mismo PIN otra vez',
    mismatch: 'Los dos PIN eran distintos. Elija uno otra vez.',
    wrong: (tries) =>
      `PIN incorrecto. ${tries === 1 ? 'Queda 1 intento' : `Quedan ${tries} intentos`} antes de una pausa.`,
    locked: (seconds) => `Demasiados PIN incorrectos. Vuelva a intentarlo en ${seconds} segundos.`,
    resetRequired: 'Informática debe volver a configurar el PIN del personal (véase el README: --set-pin).',
    ok: 'Aceptar',
    erase: 'Borrar',
    digit: (digit) => `Cifra ${digit}`,
    pinEntered: (count) => `${count} ${count === 1 ? 'cifra escrita' : 'cifras escritas'}`,
    summary: 'Resumen de opiniones',
    total: (count) => `${count} ${count === 1 ? 'respuesta' : 'respuestas'}`,
    average: (average) => `media ${average.toFixed(2)} de 3`,
    smallGroup: (limit) =>
      `Menos de ${limit} respuestas: solo se muestra el número, para que las respuestas sigan siendo anónimas.`,
    ratingShort: { 1: 'No me ayudó', 2: 'Un poco', 3: 'Muy útil' },
    trend: 'Últimos 30 días',
    recentComments: 'Últimos comentarios',
    noFeedback: 'Todavía no hay opiniones.',
    sections: 'Por partes',
    exportTitle: 'Exportar opiniones',
    destination: 'Guardar en',
    noDestinations: 'No se encontró ninguna memoria USB. Conecte una y toque «Buscar otra vez».',
    lookAgain: 'Buscar otra vez',
    pickFolder: 'Elegir una carpeta…',
    format: 'Formato',
    formatCsv: 'CSV (Excel)',
    formatJson: 'JSON',
    range: 'Qué opiniones',
    rangeUnexported: 'Las no exportadas',
    rangeAll: 'Todas',
    rangeDates: 'Fechas',
    from: 'Desde',
    to: 'Hasta',
    earlier: 'Antes',
    later: 'Después',
    exportNow: 'Exportar',
    exporting: 'Exportando y comprobando el archivo…',
    exported: (records, file, place) => `${records} registros guardados en ${file} en ${place}, y comprobados.`,
    removeExported: 'Quitar de este quiosco los registros exportados',
    confirmRemove: (records, place) =>
      `¿Quitar estos ${records} registros del quiosco? Están a salvo en la exportación de ${place}.`,
    remove: 'Sí, quitarlos',
    keep: 'No, conservarlos',
    removed: (count) => `${count} registros quitados del quiosco.`,
    health: 'Estado de los datos',
    records: 'Registros en este quiosco',
    storeFiles: (count, kilobytes) => `${count} archivos de datos, ${kilobytes} KB`,
    lastExport: 'Última exportación',
    never: 'nunca',
    scheduled: 'Exportación programada',
    recovered: 'Archivos dañados apartados',
    retention: (days, removed, waiting) =>
      `Los registros de más de ${days} días se quitan una vez exportados. Última revisión: ${removed} quitados, ${waiting} a la espera de exportación.`,
    contentProblems: 'Problemas en el contenido',
    contentReviews: 'Artículos con revisión clínica pendiente',
    reviewOverdue: (day) => `revisión vencida desde el ${day}`,
    reviewDueSoon: (day) => `revisión antes del ${day}`,
    hiddenFromPatients: 'oculto para los pacientes',
    configProblems: 'Problemas en la configuración',
    recentErrors: 'Errores recientes',
    versions: (app, content) => `Aplicación ${app}, contenido ${content}`,
    station: 'Puesto',
    configFile: 'Archivo de configuración',
    none: 'ninguno',
    actions: 'Quiosco',
    reloadContent: 'Volver a cargar el contenido',
    reloaded: (articles: number, problems: number) =>
      `Contenido leído de nuevo: ${articles} ${articles === 1 ? 'artículo' : 'artículos'} para mostrar, ${problems} ${problems === 1 ? 'problema' : 'problemas'} (vea Estado de los datos). Los pacientes ven los artículos nuevos en cuanto nadie esté leyendo.`,
    restart: 'Reiniciar la aplicación',
    quit: 'Cerrar el quiosco',
    dataFolder: 'Carpeta de datos',
    dataFolderSource: {
      environment: 'indicada por KIOSK_DATA_DIR',
      machine: 'la carpeta común del equipo',
      user: 'la carpeta propia de esta cuenta'
    },
    dataFolderPassedOver: {
      relative: 'no es una ruta completa, no se usa',
      'not-writable': 'sin permiso de escritura, no se usa'
    },
    putBack: (count) => `registros recuperados: ${count}`,
    newer: 'De una versión más nueva, sin tocar',
    leftovers: (count) => `escrituras a medias quitadas: ${count}`,
    changedSettings: 'Ajustes cambiados',
    notInPlaylist: 'Fuera de la playlist',
    setupCodeTitle: 'Escriba el código de configuración de un solo uso',
    setupCodeWhere: 'Aún no hay PIN. Informática encuentra el código en este archivo del ordenador del quiosco:',
    wrongCode: (tries) =>
      `Código incorrecto. ${tries === 1 ? 'Queda 1 intento' : `Quedan ${tries} intentos`} antes de una pausa.`,
    changePin: 'Cambiar el PIN',
    currentPin: 'Escriba el PIN actual del personal',
    newPin: 'Elija un PIN nuevo (de 4 a 8 cifras)',
    pinChanged: 'PIN cambiado. Use el PIN nuevo a partir de ahora.',
    backToPanel: 'Volver al modo del personal',
    uptime: 'En marcha desde hace',
    runningFor: (days, hours, minutes) =>
      days > 0 ? `${days} d ${hours} h ${minutes} min` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`,
    memory: 'Memoria en uso',
    megabytes: (megabytes) => `${megabytes} MB`,
    diskFree: 'Espacio libre para los datos',
    gigabytes: (gigabytes) => `${gigabytes} GB`,
    lowDisk: 'poco: exporte y quite opiniones',
    unknown: 'desconocido',
    engagementTitle: 'Qué leen los pacientes',
    engagementNone: 'Aún no hay nada contado: la lectura se cuenta desde el primer toque de un paciente.',
    engagementSpan: (from, to) => `Contado por día del ${from} al ${to}; no se guarda ninguna visita.`,
    visits: (count) => `${count} ${count === 1 ? 'visita' : 'visitas'}`,
    readToEnd: (percent) => `${percent} % leyó hasta la última parte`,
    wentOnToFeedback: (count) => `${count} dieron su opinión`,
    whereReadersStop: 'Dónde dejan de leer: visitas que llegaron a cada parte',
    holdAttention: 'Tiempo en cada parte (vistas)',
    part: 'Parte',
    timeBuckets: ['menos de 10 s', '10–30 s', '30–90 s', 'más de 90 s'],
    smallVisits: (limit) => `Menos de ${limit} visitas: solo se muestra el número, para que sean anónimas.`,
    fewViews: 'muy pocas vistas para mostrar',
    engagementHeld: (days, unexported) =>
      `${days} ${days === 1 ? 'día guardado' : 'días guardados'}, ${unexported} sin exportar`,
    withReport: 'Escribir también report.html',
    exportedFiles: (files) => `También se escribió: ${files}.`,
    statusFile: 'Archivo de estado',
    statusWritten: (at) => `escrito ${at} UTC`,
    statusFailing: (problem) => `no se puede escribir (${problem}); se reintenta cada minuto`,
    contentOnScreen: 'Artículos en pantalla',
    contentSample:
      'Los pacientes ven el artículo de muestra, no los de su clínica: configure contentFolder o instale artículos desde una memoria USB (docs/DEPLOYMENT.md, A4).',
    contentKinds: {
      folder: 'de la carpeta de contenido que fijó Informática',
      'last-good-copy': 'la última copia buena de la carpeta de contenido',
      pack: 'instalados desde una memoria USB',
      bundled: 'los artículos de ejemplo que vienen con la aplicación'
    },
    contentReasons: {
      'folder-read': 'se leyó la carpeta',
      'copy-failed': 'no se pudo guardar una copia, así que se lee la carpeta directamente',
      'folder-away': 'no se puede llegar a la carpeta de contenido',
      'folder-empty': 'la carpeta de contenido no tiene ningún artículo válido',
      installed: 'instalados en el modo del personal',
      'no-content': 'este quiosco aún no tiene artículos propios',
      'folder-away-no-copy': 'no se puede llegar a la carpeta de contenido y aún no hay copia de ella'
    },
    contentSince: (time: string) => `desde ${time}`,
    contentWaiting: 'Hay artículos nuevos listos; salen en pantalla cuando nadie esté leyendo.',
    contentKept: (titles: string) => `Se mantiene su última versión buena: ${titles}`,
    updateArticles: 'Actualizar artículos'
  },
  update: {
    title: 'Actualizar artículos desde una memoria USB',
    back: 'Volver al modo del personal',
    itWins: (folder: string) =>
      `Informática fijó una carpeta de contenido para este quiosco (${folder}). Siempre tiene prioridad, así que aquí no se pueden instalar artículos. Pida a Informática que cambie los artículos de esa carpeta.`,
    noStick: 'No se encontró ninguna memoria USB. Conecte una memoria con una carpeta de contenido y vuelva a buscar.',
    lookAgain: 'Buscar de nuevo',
    read: (label: string) => `Leer ${label}`,
    reading: 'Leyendo y revisando los artículos…',
    onStick: (drive: string, folder: string) => `En ${drive} (${folder})`,
    change: { new: 'Nuevo', changed: 'Cambiado', unchanged: 'Igual que en pantalla' },
    reviewed: (reviewed: string, next: string) => `Revisado el ${reviewed}, próxima revisión ${next}`,
    reviewOverdue: 'revisión vencida',
    grade: (grade: number | null, words: number) => `${words} palabras, nivel de lectura ${grade ?? '–'}`,
    gradeTarget: (target: number) =>
      `Se marcan las secciones por encima del nivel de lectura ${target}. Pueden ser difíciles para muchos pacientes.`,
    aboveTarget: '(difícil de leer)',
    preview: 'Vista previa',
    replacesAll:
      'Instalar reemplaza todos los artículos de la pantalla por los de esta memoria: un artículo de la pantalla que la memoria no tiene sale de la pantalla. Deshacer devuelve los artículos anteriores.',
    removed: 'Se quitan de la pantalla si instala',
    problems: 'Problemas (estos archivos no se instalan)',
    noProblems: 'No se encontraron problemas.',
    install: 'Instalar estos artículos',
    installing: 'Instalando…',
    blocked: {
      'content-folder': 'No se pueden instalar artículos: Informática fijó una carpeta de contenido para este quiosco.',
      'nothing-valid':
        'No se puede instalar nada: la memoria no tiene ningún artículo válido. Corrija los problemas de abajo y vuelva a leerla.',
      'nothing-to-show':
        'No se puede instalar nada: ningún artículo válido de la memoria está en el idioma y la lista del quiosco.'
    },
    installed:
      'Instalado. Los pacientes ven los artículos nuevos en cuanto nadie esté leyendo. Se guardan los anteriores.',
    undo: 'Deshacer la última instalación',
    undone: 'Deshecho. Los artículos anteriores vuelven a la pantalla en cuanto nadie esté leyendo.',
    previewBand: 'Vista previa — aún no está en el quiosco',
    closePreview: 'Cerrar la vista previa',
    failed: 'No se pudieron leer ni instalar los artículos. No cambió nada en pantalla; inténtelo de nuevo.',
    tooLarge:
      'Los artículos e imágenes de la memoria USB son más de lo que el quiosco instala de una vez. No cambió nada en ' +
      'pantalla. Quite artículos o imágenes, o guarde las imágenes más pequeñas, y lea la memoria de nuevo.',
    noRoom:
      'El disco del quiosco tiene poco espacio libre para estos artículos: reserva espacio para las opiniones. No ' +
      'cambió nada en pantalla. Pida a informática que libere espacio en el disco del quiosco.'
  }
}
