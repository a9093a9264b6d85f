import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun
} from 'docx'

const picture = resolve(import.meta.dirname, '../../fixtures/import/hand-washing_files/soap-lather.png')

/**
 * A Word document as a clinic writes one: a Title, sections in Heading 1 with a Heading 2 inside, bold and italic
 * words, a bulleted and a numbered list, a picture with alt text, and a page header and footer (which are not part
 * of the article). Built with the `docx` package each time, so no binary file is kept in the repository.
 */
export async function clinicLeaflet(): Promise<Buffer> {
  const document = new Document({
    creator: 'Clinic tests',
    title: 'Leaflet',
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }]
        }
      ]
    },
    sections: [
      {
        headers: {
          default: new Header({ children: [new Paragraph('Riverside Hospital – Patient information leaflet PIL-204')] })
        },
        footers: {
          default: new Footer({ children: [new Paragraph('Printed copies are uncontrolled. Version 3, page 1')] })
        },
        children: [
          new Paragraph({ text: 'Coming Home After Knee Surgery', heading: HeadingLevel.TITLE }),
          new Paragraph(
            'This leaflet explains how to look after your new knee in the first six weeks at home. Keep it somewhere you can find it.'
          ),
          new Paragraph({ text: 'Looking after the wound', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Keep the dressing clean and dry. '),
              new TextRun({ text: 'Do not', bold: true }),
              new TextRun(' take it off until the nurse tells you to.')
            ]
          }),
          new Paragraph({ text: 'Signs of infection', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Call the ward if you notice any of these:'),
          new Paragraph({ text: 'the wound is red, hot or swollen', bullet: { level: 0 } }),
          new Paragraph({ text: 'fluid or pus comes out of the wound', bullet: { level: 0 } }),
          new Paragraph({ text: 'you have a temperature of 38°C or more', bullet: { level: 0 } }),
          new Paragraph({ text: 'Exercises', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Do these exercises three times a day, '),
              new TextRun({ text: 'even if it is sore', italics: true }),
              new TextRun('.')
            ]
          }),
          new Paragraph({
            text: 'Tighten the muscles at the front of your thigh and hold for five seconds.',
            numbering: { reference: 'steps', level: 0 }
          }),
          new Paragraph({
            text: 'Bend and straighten your knee slowly ten times.',
            numbering: { reference: 'steps', level: 0 }
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: await readFile(picture),
                transformation: { width: 120, height: 80 },
                altText: {
                  name: 'exercise',
                  title: 'Exercise',
                  description: 'A person bending the knee while sitting on a bed'
                }
              })
            ]
          }),
          new Paragraph({ text: 'When to get help', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Call 999 if you have chest pain or find it hard to breathe.')
        ]
      }
    ]
  })
  return Packer.toBuffer(document)
}
