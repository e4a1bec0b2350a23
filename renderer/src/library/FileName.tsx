/**
 * A file name inside right-to-left text: the extension is isolated left to right, so
 * "سياسة 1448.pdf" reads as written instead of "pdf.1448 سياسة".
 */
export function FileName({ name }: { name: string }) {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return <bdi>{name}</bdi>;
  return (
    <span>
      <bdi>{name.slice(0, dot)}</bdi>
      <bdi dir="ltr">{name.slice(dot)}</bdi>
    </span>
  );
}
