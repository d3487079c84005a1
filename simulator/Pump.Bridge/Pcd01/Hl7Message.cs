using System;
using System.Collections.Generic;

namespace Pump.Bridge.Pcd01
{
    /// <summary>
    /// An HL7 v2 message split into segments and fields, with the separators the MSH segment declares
    /// (MSH-1 field, MSH-2 component/repetition/escape/sub-component). Field numbers are HL7's: for MSH,
    /// field 1 is the field separator itself, so MSH-9 is the message type as in the standard.
    /// </summary>
    public sealed class Hl7Message
    {
        private readonly List<string[]> _segments = new();

        private Hl7Message(char field, char component)
        {
            FieldSeparator = field;
            ComponentSeparator = component;
        }

        public char FieldSeparator { get; }

        public char ComponentSeparator { get; }

        public IReadOnlyList<string[]> Segments => _segments;

        /// <summary>Parses a message (segments end with CR; LF is tolerated). Returns null with a reason when it is not HL7 v2.</summary>
        public static Hl7Message? Parse(string text, out string error)
        {
            error = string.Empty;
            if (text.Length < 8 || !text.StartsWith("MSH", StringComparison.Ordinal))
            {
                error = "message does not start with an MSH segment";
                return null;
            }
            char field = text[3];
            char component = text[4];
            if (char.IsLetterOrDigit(field) || char.IsLetterOrDigit(component) || field == component)
            {
                error = "MSH does not declare usable separators";
                return null;
            }
            var message = new Hl7Message(field, component);
            foreach (string raw in text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = raw.Split(field);
                if (parts[0].Length != 3)
                {
                    error = $"segment '{Truncate(raw)}' has no three-letter id";
                    return null;
                }
                if (parts[0] == "MSH")
                {
                    // Re-index so that MSH-n is parts[n]: MSH-1 is the separator itself.
                    var msh = new string[parts.Length + 1];
                    msh[0] = "MSH";
                    msh[1] = field.ToString();
                    Array.Copy(parts, 1, msh, 2, parts.Length - 1);
                    parts = msh;
                }
                message._segments.Add(parts);
            }
            return message;
        }

        /// <summary>Field n of a segment ("" when absent).</summary>
        public static string Field(string[] segment, int n) => n < segment.Length ? segment[n] : string.Empty;

        /// <summary>Component c (1-based) of field n ("" when absent).</summary>
        public string Component(string[] segment, int n, int c)
        {
            string f = Field(segment, n);
            string[] parts = f.Split(ComponentSeparator);
            return c - 1 < parts.Length ? parts[c - 1] : string.Empty;
        }

        /// <summary>
        /// A text component with the HL7 escape sequences for the separators resolved (\F\ | , \S\ ^ , \T\ &amp; ,
        /// \R\ ~ , \E\ \); any other escape is kept as written. Used for identities (bed, patient).
        /// </summary>
        public string Text(string[] segment, int n, int c)
        {
            string raw = Component(segment, n, c);
            if (raw.IndexOf('\\') < 0)
            {
                return raw;
            }
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '\\' && i + 2 < raw.Length && raw[i + 2] == '\\')
                {
                    char? plain = raw[i + 1] switch { 'F' => '|', 'S' => '^', 'T' => '&', 'R' => '~', 'E' => '\\', _ => null };
                    if (plain is char p)
                    {
                        sb.Append(p);
                        i += 2;
                        continue;
                    }
                }
                sb.Append(raw[i]);
            }
            return sb.ToString();
        }

        public string[]? First(string id)
        {
            foreach (string[] s in _segments)
            {
                if (s[0] == id)
                {
                    return s;
                }
            }
            return null;
        }

        public int CountOf(string id)
        {
            int n = 0;
            foreach (string[] s in _segments)
            {
                if (s[0] == id)
                {
                    n++;
                }
            }
            return n;
        }

        private static string Truncate(string s) => s.Length <= 20 ? s : s[..20] + "…";
    }
}
