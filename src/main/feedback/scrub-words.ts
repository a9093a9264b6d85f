/*
 * Word lists the comment scrubber matches, in the kiosk's languages (English and Spanish). Kept apart from the code
 * so that adding a word is a one-line change a reviewer can check.
 */

/** A list of words written as lines of space-separated words, so that a long list stays short to read. */
const words = (...lines: string[]): string[] => lines.join(' ').split(' ')

/** Words that stand before a person's name: `Dr. Smith`, `Nurse Patel`, `la enfermera Ruiz`, `doña Carmen`. */
export const titles = words(
  'dr doctor doc nurse sister matron mr mrs ms miss mx prof professor sir dame rev reverend dra doctora',
  'enfermero enfermera sr sra srta señor señora señorita don doña dña profesor profesora fisio sor'
)

/** Words after which a patient gives a name: `my name is`, `me llamo`. Strong ones are followed by nothing else. */
export const strongIntroductions = [
  'my name is',
  "my name's",
  'name is',
  'i am called',
  "i'm called",
  'me llamo',
  'mi nombre es',
  'me llaman',
  'me dicen'
]

/** Introductions also followed by ordinary words (`I'm tired`, `soy diabética`): only a likely name counts. */
export const weakIntroductions = [
  'i am',
  "i'm",
  'im',
  'soy',
  'this is',
  'call me',
  'ask for',
  'pregunten por',
  'preguntad por'
]

/** Family and helpers, after "my" or "mi": `my daughter Emily`, `mi hijo Javier`. */
export const relatives = words(
  'son daughter wife husband partner mum mom mother dad father brother sister grandson granddaughter',
  'grandma grandmother grandad grandpa grandfather friend carer caregiver neighbour neighbor boyfriend',
  'girlfriend fiance fiancé fiancée uncle aunt auntie niece nephew cousin hijo hija marido esposo',
  'esposa mujer madre padre mamá papá hermano hermana nieto nieta abuelo abuela amigo amiga pareja',
  'novio novia cuidador cuidadora vecino vecina tío tía sobrino sobrina primo prima suegro suegra yerno',
  'nuera'
)

/**
 * Words that introduce a record, insurance or identity number: what follows is removed whatever its length
 * (`MRN 48213`, `DNI 12345678Z`, `número de historia 55432`). Written as regular-expression pieces.
 */
export const recordKeywords = [
  String.raw`mrn`,
  String.raw`nhs(?:\s+(?:number|no\.?|num\.?|#))?`,
  String.raw`hospital\s+(?:number|no\.?|num\.?|#|id)`,
  String.raw`patient\s+(?:id|number|no\.?|num\.?|#)`,
  String.raw`member(?:ship)?\s+(?:id|number|no\.?|num\.?|#)`,
  String.raw`medical\s+record(?:\s+(?:number|no\.?|#))?`,
  String.raw`record\s+(?:number|no\.?|#)`,
  String.raw`(?:case|chart|policy|insurance|claim|account|reference|ref\.?)\s+(?:id|number|no\.?|num\.?|#)`,
  String.raw`policy`,
  String.raw`ssn`,
  String.raw`social\s+security(?:\s+(?:number|no\.?|#))?`,
  String.raw`national\s+insurance(?:\s+(?:number|no\.?|#))?`,
  String.raw`ni\s+(?:number|no\.?)`,
  String.raw`medicare(?:\s+(?:number|no\.?|#))?`,
  String.raw`medicaid(?:\s+(?:number|no\.?|#))?`,
  String.raw`chi(?:\s+(?:number|no\.?))`,
  String.raw`passport(?:\s+(?:number|no\.?|#))?`,
  String.raw`id(?:\s+(?:number|no\.?|#))?`,
  String.raw`post\s?code`,
  String.raw`zip(?:\s+code)?`,
  String.raw`dni`,
  String.raw`nie`,
  String.raw`nif`,
  String.raw`nuss`,
  String.raw`cip`,
  String.raw`tsi`,
  String.raw`historia\s+cl[ií]nica`,
  String.raw`(?:n[úu]mero|n[º°]|n\.[º°]|no\.?|num\.?)\s+de\s+(?:historia(?:\s+cl[ií]nica)?|paciente|afiliaci[óo]n|afiliado|(?:la\s+)?seguridad\s+social|tarjeta(?:\s+sanitaria)?|expediente|socio|p[óo]liza|pasaporte|documento)`,
  String.raw`tarjeta\s+(?:sanitaria|sip|cip)`,
  String.raw`seguridad\s+social`,
  String.raw`pasaporte`,
  String.raw`expediente`,
  String.raw`p[óo]liza`,
  String.raw`c[óo]digo\s+postal`,
  String.raw`c\.\s?p\.?`
]

/** What people write between a record keyword and the number: `MRN is 4821`, `DNI: 1234`, `historia es el 55`. */
export const recordConnectors = String.raw`(?:\s*(?:[:#=]|is|es|el|la|the|my|mi|number|no\.?|n[º°]|n[úu]mero|num\.?)(?=[\s\d:#=]|$)\s*)*\s*`

/** Single digits in words, as people read out a phone or record number. "o" alone is Spanish "or", so only "oh". */
export const digitWords: Record<string, number> = {
  zero: 1,
  oh: 1,
  nought: 1,
  nil: 1,
  one: 1,
  two: 1,
  three: 1,
  four: 1,
  five: 1,
  six: 1,
  seven: 1,
  eight: 1,
  nine: 1,
  cero: 1,
  uno: 1,
  una: 1,
  dos: 1,
  tres: 1,
  cuatro: 1,
  cinco: 1,
  seis: 1,
  siete: 1,
  ocho: 1,
  nueve: 1
}

/** Number words of two digits or more, with the digits each adds to a number read out in groups. */
export const groupWords: Record<string, number> = {
  ten: 2,
  eleven: 2,
  twelve: 2,
  thirteen: 2,
  fourteen: 2,
  fifteen: 2,
  sixteen: 2,
  seventeen: 2,
  eighteen: 2,
  nineteen: 2,
  twenty: 2,
  thirty: 2,
  forty: 2,
  fifty: 2,
  sixty: 2,
  seventy: 2,
  eighty: 2,
  ninety: 2,
  hundred: 2,
  thousand: 3,
  diez: 2,
  once: 2,
  doce: 2,
  trece: 2,
  catorce: 2,
  quince: 2,
  dieciséis: 2,
  dieciseis: 2,
  diecisiete: 2,
  dieciocho: 2,
  diecinueve: 2,
  veinte: 2,
  veintiuno: 2,
  veintiún: 2,
  veintidós: 2,
  veintidos: 2,
  veintitrés: 2,
  veintitres: 2,
  veinticuatro: 2,
  veinticinco: 2,
  veintiséis: 2,
  veintiseis: 2,
  veintisiete: 2,
  veintiocho: 2,
  veintinueve: 2,
  treinta: 2,
  cuarenta: 2,
  cincuenta: 2,
  sesenta: 2,
  setenta: 2,
  ochenta: 2,
  noventa: 2,
  cien: 3,
  ciento: 3,
  doscientos: 3,
  trescientos: 3,
  cuatrocientos: 3,
  quinientos: 3,
  seiscientos: 3,
  setecientos: 3,
  ochocientos: 3,
  novecientos: 3,
  mil: 3
}

/** Tens, after which a unit adds no digit: `forty five` and `treinta y cuatro` are two digits, not three. */
export const tensWords = words(
  'twenty thirty forty fifty sixty seventy eighty ninety',
  'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa'
)

/** Words that repeat the next digit: `double oh`, `doble cero`. */
export const repeatWords: Record<string, number> = { double: 2, triple: 3, doble: 2 }

/** Words that join the parts of one number: `thirty-four`, `treinta y cuatro`, `one hundred and two`. */
export const numberJoiners = ['y', 'and']

/**
 * Conditions named after a person: the name stays (`Parkinson's` is not a patient). Lower case, without the
 * possessive.
 */
export const eponyms = words(
  'addison alzheimer asperger achilles baker bell cushing crohn down dupuytren graves guillain barré',
  'hashimoto hodgkin huntington kaposi gehrig meniere ménière morton osgood paget parkinson raynaud',
  'reiter sjögren sjogren tourette wilson'
)

/** Nouns that follow an eponym (`Morton's neuroma`, `Bell's palsy`) or precede one (`enfermedad de Parkinson`). */
export const conditionWords = {
  after: [
    'disease',
    'syndrome',
    'palsy',
    'neuroma',
    'cyst',
    'disorder',
    'phenomenon',
    'sign',
    'test',
    'lymphoma',
    'sarcoma',
    'tendon',
    'tendonitis',
    'contracture',
    'thyroiditis'
  ],
  before: ['enfermedad de', 'síndrome de', 'sindrome de', 'mal de', 'quiste de', 'parálisis de', 'neuroma de']
}

/** Words before a name that make it a place (`St Mary's`, `Hospital San Pedro`), not a person. */
export const placePrefixes = [
  'st',
  'saint',
  'san',
  'santa',
  'santo',
  'sant',
  'hospital',
  'clínica',
  'clinica',
  'centro',
  'calle',
  'avenida',
  'plaza'
]

/** Common words that the stop-word language guess counts, the most frequent of each language. */
export const languageMarkers = {
  en: [
    'the',
    'and',
    'to',
    'of',
    'is',
    'it',
    'was',
    'my',
    'me',
    'this',
    'for',
    'with',
    'very',
    'thank',
    'you',
    'thanks',
    'i',
    'in',
    'on',
    'at',
    'but',
    'not',
    'would'
  ],
  es: [
    'el',
    'la',
    'de',
    'que',
    'y',
    'en',
    'los',
    'las',
    'del',
    'un',
    'una',
    'por',
    'con',
    'para',
    'es',
    'muy',
    'mi',
    'gracias',
    'pero',
    'lo',
    'se',
    'al',
    'más',
    'fue'
  ]
}

/**
 * Names that are also everyday words ("tengo esperanza", "dolores de cabeza", "will", "hope"): in lower case and with
 * no title before them they are taken as the word. Months and week days are never taken for names without a title.
 */
export const namesThatAreWords = words(
  'grace hope faith joy rose will mark bill jack dawn ruby pearl daisy holly ivy iris olive violet',
  'hazel amber summer frank pat sue rob guy miles art drew ray victoria esperanza dolores rosa luz paz',
  'soledad amparo consuelo remedios mercedes pilar blanca alegría gloria socorro milagros cruz nieves',
  'rosario estrella rebeca ángeles angeles'
)

/** Month and day names, English and Spanish: April, June and Mercedes' neighbours in the name lists. */
export const calendarWords = words(
  'january february march april may june july august september october november december monday tuesday',
  'wednesday thursday friday saturday sunday enero febrero marzo abril mayo junio julio agosto',
  'septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado',
  'domingo'
)

/** Everyday words that never start a name, besides the language markers: pronouns, auxiliaries, adverbs. */
export const notNames = words(
  'a an or are were be been has had have he she they we his her said says told who will would can could',
  'should just so too also really always never not no yes please today yesterday ella él le les su sus',
  'nos os también tambien siempre nunca hoy ayer dijo ha han era está esta estaba son sí si ya'
)
