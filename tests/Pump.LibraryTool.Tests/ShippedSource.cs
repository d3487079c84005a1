using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pump.LibraryTool.Source;
using Xunit;

namespace Pump.LibraryTool.Tests
{
    /// <summary>The shipped source file as a JSON tree to edit (entry 0 plain mL/h, entry 1 ketamine), and readers for the result.</summary>
    internal static class ShippedSource
    {
        public static JsonObject Tree()
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            return JsonNode.Parse(TestPaths.ReadShippedSource(), documentOptions: options)!.AsObject();
        }

        public static JsonObject Ketamine(JsonObject tree) => tree["entries"]![1]!.AsObject();

        public static JsonObject NoDrug(JsonObject tree) => tree["entries"]![0]!.AsObject();

        public static JsonObject Limit(JsonObject entry, string block) => entry["limits"]![block]!.AsObject();

        /// <summary>The shipped source with one edit applied.</summary>
        public static string With(Action<JsonObject> edit)
        {
            JsonObject tree = Tree();
            edit(tree);
            return tree.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        public static LibrarySource Read(string text)
        {
            LibrarySource? source = SourceReader.Read(text, out IReadOnlyList<SourceError> errors);
            Assert.True(source != null, string.Join("\n", errors));
            return source!;
        }

        public static IReadOnlyList<SourceError> Errors(string text)
        {
            LibrarySource? source = SourceReader.Read(text, out IReadOnlyList<SourceError> errors);
            Assert.Null(source);
            Assert.NotEmpty(errors);
            return errors;
        }
    }
}
