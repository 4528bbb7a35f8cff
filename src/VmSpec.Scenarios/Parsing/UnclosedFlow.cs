using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Finds a flow collection (<c>[</c> or <c>{</c>) that the file never closes. YamlDotNet notices
    /// one only where it gives up, often lines later and sometimes with an internal exception, while
    /// the author needs the opening bracket.
    /// </summary>
    internal static class UnclosedFlow
    {
        /// <summary>The innermost unclosed flow collection opened before <paramref name="before"/> (a character index), if any.</summary>
        /// <param name="before">A bracket opened after the error did not cause it.</param>
        public static SourceSpan? Find(string text, long before, out bool isSequence)
        {
            isSequence = false;
            var open = new Stack<Token>();
            var scanner = new Scanner(new StringReader(text), skipComments: true);
            try
            {
                while (scanner.MoveNext())
                {
                    switch (scanner.Current)
                    {
                        case Error _:
                            // Another error (a quote, an indentation) comes first: that one is the
                            // author's to fix. The scanner would repeat it forever.
                            return null;
                        case FlowSequenceStart _:
                        case FlowMappingStart _:
                            // As deep as the tree reader goes, and no deeper: deep flow nesting is slow to scan.
                            if (open.Count == YamlTreeReader.MaxDepth) return null;
                            open.Push(scanner.Current);
                            break;
                        case FlowSequenceEnd _ when open.Count > 0 && open.Peek() is FlowSequenceStart:
                        case FlowMappingEnd _ when open.Count > 0 && open.Peek() is FlowMappingStart:
                            open.Pop();
                            break;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet fails this way on a line break inside a flow collection followed by what
                // looks like a block key: what is open here was never closed before it.
            }
            catch (Exception e) when (e is YamlException || YamlTreeReader.IsScannerFailure(e))
            {
                return null;
            }

            while (open.Count > 0 && open.Peek().Start.Index >= before)
            {
                open.Pop();
            }
            if (open.Count == 0) return null;
            var bracket = open.Peek();
            isSequence = bracket is FlowSequenceStart;
            var at = YamlTreeReader.ToSpan(bracket.Start, bracket.Start);
            return new SourceSpan(at.Line, at.Column, at.Line, at.Column + 1, at.Offset, at.Offset + 1);
        }
    }
}
