/** An attachment that moves focus to an element when it appears: the first thing of a new dialog or step. */
export const focusOnMount = (element: HTMLElement): void => element.focus()
