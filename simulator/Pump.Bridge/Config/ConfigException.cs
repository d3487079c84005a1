using System;

namespace Pump.Bridge.Config
{
    /// <summary>A configuration or key file the bridge refuses, naming the field and what is wrong with it.</summary>
    public sealed class ConfigException : Exception
    {
        public ConfigException(string field, string problem) : base(field + ": " + problem)
        {
            Field = field;
        }

        public string Field { get; }
    }
}
