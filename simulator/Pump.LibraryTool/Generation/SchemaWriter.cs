using System.Text.Json;
using System.Text.Json.Nodes;
using Pump.LibraryTool.Source;

namespace Pump.LibraryTool.Generation
{
    /// <summary>
    /// The published JSON schema of the source format (firmware/Pump.Core/Library/drug-library.schema.json),
    /// generated from <see cref="SourceFields"/> so it cannot drift from the reader. Editors use it for
    /// completion and early errors; exact unit conversion and the pump's checks are `pump-library check`.
    /// </summary>
    internal static class SchemaWriter
    {
        public static string Write()
        {
            var entryProperties = new JsonObject();
            var entryRequired = new JsonArray();
            foreach (EntryField f in SourceFields.Entry)
            {
                entryProperties[f.Name] = FieldSchema(f);
                entryRequired.Add(f.Name);
            }

            var limitProperties = new JsonObject();
            var limitRequired = new JsonArray();
            foreach (LimitField b in SourceFields.LimitBlocks)
            {
                limitProperties[b.Name] = LimitSchema(b);
                limitRequired.Add(b.Name);
            }

            entryProperties[SourceFields.Limits] = Closed("Soft and hard limits, one block per limited quantity.", limitProperties, limitRequired);
            entryRequired.Add(SourceFields.Limits);

            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["title"] = "Syringe-pump drug library source",
                ["description"] = "A drug library in clinical units. Check, build, review, diff and sign it with pump-library (hardware-docs/drug-library.md).",
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = new JsonArray(SourceFields.Revision, SourceFields.Entries),
                ["properties"] = new JsonObject
                {
                    [SourceFields.SchemaRef] = new JsonObject { ["type"] = "string" },
                    [SourceFields.Revision] = new JsonObject
                    {
                        ["description"] = "The pharmacy's revision number; raise it with every change.",
                        ["type"] = "integer", ["minimum"] = 0, ["maximum"] = uint.MaxValue,
                    },
                    [SourceFields.SignOff] = Closed("Written by `pump-library sign`: author and reviewer (two different people), date, and the content CRC the reviewer approved.",
                        new JsonObject
                        {
                            [SourceFields.Author] = Name("Who wrote this revision."),
                            [SourceFields.Reviewer] = Name("Who reviewed it; not the author."),
                            [SourceFields.Date] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                            [SourceFields.ApprovedContentCrc] = new JsonObject { ["type"] = "string", ["pattern"] = "^0[xX][0-9A-Fa-f]{8}$" },
                        },
                        new JsonArray(SourceFields.Author, SourceFields.Reviewer, SourceFields.Date, SourceFields.ApprovedContentCrc)),
                    [SourceFields.Entries] = new JsonObject
                    {
                        ["description"] = "The drug profiles, in panel menu order (1..16).",
                        ["type"] = "array", ["minItems"] = 1, ["maxItems"] = Pump.Core.Library.DrugLibrary.MaxEntries,
                        ["items"] = Closed("One drug profile.", entryProperties, entryRequired),
                    },
                },
            };
            return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        }

        private static JsonObject Closed(string description, JsonObject properties, JsonArray required)
        {
            return new JsonObject
            {
                ["description"] = description,
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = required,
                ["properties"] = properties,
            };
        }

        private static JsonObject Name(string description)
        {
            return new JsonObject { ["description"] = description, ["type"] = "string", ["minLength"] = 1, ["maxLength"] = Pump.Core.Library.LibrarySignOff.MaxNameChars };
        }

        private static JsonObject FieldSchema(EntryField f)
        {
            string unit = f.Unit == null ? "" : " [" + f.Unit.Label + "]";
            var o = new JsonObject { ["description"] = f.Description + unit };
            switch (f.Type)
            {
                case FieldType.Integer:
                    o["type"] = "integer";
                    o["minimum"] = 1;
                    o["maximum"] = f.MaxStored;
                    break;
                case FieldType.Text:
                    o["type"] = "string";
                    o["minLength"] = 1;
                    o["maxLength"] = f.MaxStored;
                    o["pattern"] = "^[!-~][ -~]*$";
                    break;
                case FieldType.Flag:
                    o["type"] = "boolean";
                    break;
                case FieldType.DoseMode:
                    o["enum"] = new JsonArray(SourceFields.WeightBased, SourceFields.PlainRate);
                    break;
                case FieldType.Clinical:
                    o["type"] = "number";
                    o["minimum"] = 0;
                    break;
                default:
                    o["type"] = "array";
                    o["maxItems"] = Pump.Core.Library.DrugEntry.MaxConcentrations;
                    o["items"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 };
                    break;
            }

            return o;
        }

        private static JsonObject LimitSchema(LimitField b)
        {
            var bounds = new JsonObject();
            var required = new JsonArray();
            for (int i = 0; i < SourceFields.Bounds.Length; i++)
            {
                bool isMax = i >= 2;
                bounds[SourceFields.Bounds[i]] = isMax
                    ? new JsonObject { ["type"] = new JsonArray("number", "null"), ["minimum"] = 0, ["description"] = "null: no upper limit" }
                    : new JsonObject { ["type"] = "number", ["minimum"] = 0 };
                required.Add(SourceFields.Bounds[i]);
            }

            bounds[SourceFields.Rationale] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "Why the limit has these values." };
            bounds[SourceFields.SourceRef] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "Where the values come from." };
            required.Add(SourceFields.Rationale);
            required.Add(SourceFields.SourceRef);
            return Closed(b.Description + " [" + b.Unit.Label + "]; 0 <= hardMin <= softMin <= softMax <= hardMax.", bounds, required);
        }
    }
}
