import { useMemo, useState, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown-parse';

interface MarkdownProps {
  readonly source: string;
}

/**
 * Trace text rendered as markdown, safely: the AST from markdown-parse.ts becomes React
 * elements, so everything is text except the few elements built here. Links open in a new tab
 * with `rel="noopener noreferrer"` and only for http(s); images load only when clicked.
 */
export function Markdown({ source }: MarkdownProps) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className="llm-md">{renderBlocks(blocks)}</div>;
}

function renderBlocks(blocks: readonly Block[]): ReactNode[] {
  return blocks.map((block, index) => renderBlock(block, index));
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.t) {
    case 'p':
      return <p key={key}>{renderInlines(block.c)}</p>;
    case 'h':
      return (
        <p key={key} className="llm-md-heading" data-level={block.level}>
          {renderInlines(block.c)}
        </p>
      );
    case 'code':
      return (
        <pre key={key} className="llm-md-code" data-lang={block.lang}>
          <code>{block.v}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInlines(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={key}>{renderBlocks(block.blocks)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
  }
}

function renderInlines(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, index) => renderInline(node, index));
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.t) {
    case 'text':
      return node.v;
    case 'br':
      return <br key={key} />;
    case 'code':
      return (
        <code key={key} className="llm-md-inline-code">
          {node.v}
        </code>
      );
    case 'strong':
      return <strong key={key}>{renderInlines(node.c)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(node.c)}</em>;
    case 'link':
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer" title={node.href}>
          {renderInlines(node.c)}
        </a>
      );
    case 'image':
      return <ClickToLoadImage key={key} src={node.src} alt={node.alt} />;
  }
}

/** An image from trace content is fetched only after the user asks for it. */
function ClickToLoadImage({ src, alt }: { readonly src: string; readonly alt: string }) {
  const [isLoaded, setIsLoaded] = useState(false);
  if (isLoaded) {
    return <img className="llm-md-image" src={src} alt={alt} referrerPolicy="no-referrer" />;
  }
  return (
    <button type="button" className="llm-link" title={src} onClick={() => setIsLoaded(true)}>
      Load image{alt ? `: ${alt}` : ''}
    </button>
  );
}
