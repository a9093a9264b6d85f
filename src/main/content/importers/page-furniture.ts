/**
 * The words a web page puts around an article: menus, share and comment prompts, cookie notices, dates. The importers
 * leave these out and say so in the draft, so the author sees what was dropped.
 */

const furnitureLines = new RegExp(
  '^(?:' +
    [
      // English
      'share(?: this(?: article| page| post)?)?(?: on \\w+)?',
      'tweet',
      'print(?: this page)?',
      'e-?mail(?: this page)?',
      'facebook|twitter|x|linkedin|whatsapp|pinterest|instagram|youtube',
      'reply',
      'write a comment|leave a (?:comment|reply)|add a comment|post comment|comments?(?: \\(\\d+\\))?|\\d+ comments?',
      'read more|see more|show more|load more',
      'related(?: articles| posts| pages| links| content| conditions)?|you may also like|more on this topic',
      'advertisement|sponsored|ad',
      'skip to (?:main )?content|menu|main menu|search|home|back to top|top of page',
      'subscribe|sign up|log in|sign in|register',
      'cookie settings|manage cookies|accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?',
      'previous(?: post| article)?|next(?: post| article)?',
      'was this page helpful\\??|is this page useful\\??|yes|no',
      // Spanish
      'compartir(?: en \\w+)?|imprimir|responder',
      'escribir un comentario|deje su comentario|dejar un comentario|comentarios?(?: \\(\\d+\\))?|\\d+ comentarios?',
      'leer más|ver más|artículos relacionados|noticias relacionadas|también te puede interesar',
      'publicidad|patrocinado',
      'ir al contenido(?: principal)?|menú|buscar|inicio|volver arriba|suscríbete|iniciar sesión',
      'aceptar(?: todas)?(?: las cookies)?|rechazar(?: todas)?|configurar cookies',
      'anterior|siguiente|¿le ha resultado útil esta página\\?|sí'
    ].join('|') +
    ')[.:!]?$',
  'iu'
)

const cookieNotice =
  /^(?:we|this (?:web)?site|our (?:web)?site|this website) (?:use|uses|would like to use|are using) cookies|^(?:utilizamos|usamos|este (?:sitio(?: web)?|portal) (?:utiliza|usa)) cookies/iu

const copyright = /^(?:©|\(c\)|copyright\b)/iu

// Several words that only a page date starts with; or one such word that needs "on", "el" or a colon after it, so
// "Updated vaccines for 2026 are here." stays an article sentence.
const dateLine =
  /^(?:(?:page last reviewed|last reviewed|next review due|last updated|date published|fecha de publicación|última actualización)\b.*\d{4}|(?:updated|published|posted|reviewed|publicado|actualizado|revisado)(?:\s+(?:on|el)\s|\s*:\s*).*\d{4})/iu

/** A line that names when the page was published, updated or reviewed, such as "Page last reviewed: 12 March 2026". */
export function isPageDateLine(text: string): boolean {
  const line = text.trim()
  return line.length <= 160 && dateLine.test(line)
}

/**
 * A whole line that is page furniture, not article text: no letters at all ("-", "28"), a share or comment prompt, a
 * menu word, a cookie notice, a copyright line, or a page date. Only short lines qualify, so an article sentence that
 * merely mentions one of these words is never taken for one.
 */
export function isPageFurnitureLine(text: string): boolean {
  const line = text.trim()
  if (line === '') return true
  if (!/\p{L}/u.test(line)) return true
  if (isPageDateLine(line)) return true
  if (line.length > 300) return false
  return furnitureLines.test(line) || cookieNotice.test(line) || copyright.test(line)
}
