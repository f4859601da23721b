"use client";

import { useLayoutEffect, useRef, useState, type ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

export interface FitTextProps extends Omit<ComponentProps<"p">, "children"> {
  /** The exact text, shown whenever it fits on one line. */
  full: string;
  /** A shorter form ("KES 11.7M") for when it does not. */
  compact: string;
}

type Fit = { form: "full" | "compact"; scale: number };

/**
 * One line of text that never clips: the full form where it fits, else the compact one, shrunk
 * if even that is too wide. The full form stays in the tooltip and for screen readers.
 */
export function FitText({ full, compact, className, ...props }: FitTextProps) {
  const box = useRef<HTMLParagraphElement>(null);
  const fullProbe = useRef<HTMLSpanElement>(null);
  const compactProbe = useRef<HTMLSpanElement>(null);
  // The server cannot measure: start compact, the likelier to fit, and settle after layout.
  const [fit, setFit] = useState<Fit>({ form: full === compact ? "full" : "compact", scale: 1 });

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const room = element.clientWidth;
      const fullWidth = fullProbe.current?.offsetWidth ?? 0;
      const compactWidth = compactProbe.current?.offsetWidth ?? 0;
      if (room === 0 || fullWidth <= room) return setFit({ form: "full", scale: 1 });
      // Round down so rounding never pushes the text a pixel over.
      setFit({ form: "compact", scale: compactWidth <= room ? 1 : Math.floor((room / compactWidth) * 100) / 100 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [full, compact]);

  const shown = fit.form === "full" ? full : compact;
  return (
    <p ref={box} title={full} className={cn("relative overflow-hidden whitespace-nowrap", className)} {...props}>
      <span aria-hidden={shown !== full} style={fit.scale < 1 ? { fontSize: `${fit.scale}em` } : undefined}>
        {shown}
      </span>
      {shown !== full ? <span className="sr-only">{full}</span> : null}
      {/* Both forms measured out of sight; the clipped box adds nothing to the paragraph's width. */}
      <span aria-hidden className="invisible absolute inset-0 overflow-hidden">
        <span ref={fullProbe} className="inline-block">
          {full}
        </span>
        <span ref={compactProbe} className="inline-block">
          {compact}
        </span>
      </span>
    </p>
  );
}
