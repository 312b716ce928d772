// Text from the journal shown in a MarkdownString (tooltips): escaped, so a
// name or a point can never become a link or formatting.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
