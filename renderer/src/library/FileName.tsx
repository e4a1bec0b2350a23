/**
 * A file name inside right-to-left text, isolated so the text around it cannot reorder it, and
 * laid out by its own first strong letter: "policy.pdf" reads left to right; an Arabic name reads
 * right to left with its extension at the end (pdf.سياسة العلاقة 1448), as the file manager of
 * an Arabic Windows shows the same file. Splitting off the extension into a separate
 * left-to-right piece put the dot outside, at the far left (.pdfسياسة), which no reader expects.
 */
export function FileName({ name }: { name: string }) {
  return <bdi>{name}</bdi>;
}
