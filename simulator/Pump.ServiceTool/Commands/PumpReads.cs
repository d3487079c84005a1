using System;
using System.Collections.Generic;
using Pump.Core.Configuration;
using Pump.Core.Service;
using Pump.ServiceTool.Model;
using Pump.ServiceTool.Protocol;

namespace Pump.ServiceTool.Commands
{
    /// <summary>Multi-step reads several commands share: the configuration, the whole log, the session history.</summary>
    internal static class PumpReads
    {
        /// <summary>The stored configuration; null with the pump's answer when it has none.</summary>
        public static DeviceConfiguration? Config(ServiceClient client, out ServiceResponse response)
        {
            response = client.Send(ServiceCommand.GetConfig);
            if (!response.IsOk)
            {
                return null;
            }
            byte[] bytes = response.Reader().Bytes(DeviceConfigurationCodec.PayloadBytes);
            var config = new DeviceConfiguration();
            int problem = DeviceConfigurationCodec.Decode(bytes, 0, bytes.Length, new DeviceConfiguration(), config);
            if (problem != ConfigProblem.None)
            {
                throw new ProtocolException("the pump sent a configuration that fails its own checks: " + ConfigProblem.Describe(problem));
            }
            return config;
        }

        /// <summary>Every retained log entry, oldest first.</summary>
        public static List<LogEntry> Log(ServiceClient client, out ServiceResponse? refusal)
        {
            var entries = new List<LogEntry>();
            refusal = null;
            long from = 1;
            while (true)
            {
                var request = new byte[9];
                BitConverter.TryWriteBytes(request.AsSpan(0, 8), from);
                request[8] = ServiceReads.MaxLogEntriesPerRead;
                ServiceResponse response = client.Send(ServiceCommand.ReadLog, request);
                if (!response.IsOk)
                {
                    refusal = response;
                    return entries;
                }
                var r = response.Reader();
                long newest = r.I64();
                long oldest = r.I64();
                int count = r.U8();
                int skipped = r.U8();
                long last = Math.Max(from, oldest) - 1;
                for (int i = 0; i < count; i++)
                {
                    LogEntry e = LogEntry.Read(r);
                    entries.Add(e);
                    last = e.Sequence;
                }
                long next = Math.Max(last + 1, Math.Max(from, oldest) + count + skipped);
                if (next > newest || (count == 0 && skipped == 0))
                {
                    return entries;
                }
                from = next;
            }
        }

        /// <summary>The session history, newest first.</summary>
        public static List<SessionEntry> Sessions(ServiceClient client, out ServiceResponse? refusal)
        {
            var sessions = new List<SessionEntry>();
            refusal = null;
            int first = 0;
            while (true)
            {
                ServiceResponse response = client.Send(ServiceCommand.ReadSessions, [(byte)first, ServiceReads.MaxSessionsPerRead]);
                if (!response.IsOk)
                {
                    refusal = response;
                    return sessions;
                }
                var r = response.Reader();
                int total = r.U8();
                int count = r.U8();
                for (int i = 0; i < count; i++)
                {
                    sessions.Add(new SessionEntry(r.I64(), r.I64(), r.I32(), r.U8() != 0));
                }
                first += count;
                if (count == 0 || first >= total || first > 255 - ServiceReads.MaxSessionsPerRead)
                {
                    return sessions;
                }
            }
        }
    }
}
